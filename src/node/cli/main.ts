import { packageVersion } from '../paths'
import type { CliIo } from './command'
import { COMMANDS } from './commands/index'
import { classifyFailure } from './exit-code'
import { asksForHelp, commandHelp, helpText, usageLines } from './help'
import { describeParseError } from './parse-errors'

const processIo: CliIo = {
  out: (line) => process.stdout.write(line + '\n'),
  err: (line) => process.stderr.write(line + '\n'),
}

/** Runs the CLI and returns its exit code; `io` is the terminal unless a test gives its own. */
export async function main(argv: string[], io: CliIo = processIo): Promise<number> {
  const [first, ...rest] = argv
  if (first === undefined || first === '--help' || first === '-h' || first === 'help') {
    const command = first === 'help' ? COMMANDS.find((c) => c.name === rest[0]) : undefined
    io.out(command ? commandHelp(command) : helpText(COMMANDS))
    return first === undefined ? 2 : 0
  }
  if (first === '--version' || first === '-v') {
    io.out(packageVersion())
    return 0
  }
  const command = COMMANDS.find((c) => c.name === first)
  if (!command) {
    io.err(`pacific-lab: unknown command "${first}". Run "pacific-lab --help" for the list.`)
    return 2
  }
  if (asksForHelp(rest)) {
    io.out(commandHelp(command))
    return 0
  }
  try {
    return await command.run(rest, io)
  } catch (e) {
    const failure = classifyFailure(e)
    io.err(`pacific-lab ${command.name}: ${describeParseError(e, command.name) ?? failure.message}`)
    if (failure.showUsage) for (const line of usageLines(command.usage)) io.err(line)
    return failure.exitCode
  }
}
