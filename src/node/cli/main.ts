import { packageVersion } from '../paths'
import { CliUsageError, type CliIo } from './command'
import { COMMANDS } from './commands/index'

const io: CliIo = {
  out: (line) => process.stdout.write(line + '\n'),
  err: (line) => process.stderr.write(line + '\n'),
}

export function helpText(): string {
  const width = Math.max(...COMMANDS.map((c) => c.usage.length))
  return [
    `pacific-lab ${packageVersion()}: a desktop lab for vSphere with Kubernetes`,
    '',
    'Usage: pacific-lab <command> [options]',
    '',
    'Commands:',
    ...COMMANDS.map((c) => `  ${c.usage.padEnd(width)}  ${c.summary}`),
    '',
    'Options:',
    '  --version  Print the version',
    '  --help     Print this help',
  ].join('\n')
}

/** Runs the CLI and returns its exit code. */
export async function main(argv: string[]): Promise<number> {
  const [first, ...rest] = argv
  if (first === undefined || first === '--help' || first === '-h' || first === 'help') {
    io.out(helpText())
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
  try {
    return await command.run(rest, io)
  } catch (e) {
    if (
      e instanceof CliUsageError ||
      (e instanceof Error && 'code' in e && e.code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION')
    ) {
      io.err(`pacific-lab ${command.name}: ${e.message}`)
      io.err(`Usage: pacific-lab ${command.usage}`)
      return 2
    }
    io.err(`pacific-lab ${command.name}: ${e instanceof Error ? e.message : String(e)}`)
    return 1
  }
}
