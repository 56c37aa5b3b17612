import { packageVersion } from '../paths'
import type { CliIo } from './command'
import { COMMANDS } from './commands/index'
import { classifyFailure } from './exit-code'

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
    '',
    'Exit codes: 0 success, 1 the lab (or import, export) has errors, 2 bad input, 3 a bug.',
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
    const failure = classifyFailure(e)
    io.err(`pacific-lab ${command.name}: ${failure.message}`)
    if (failure.showUsage) io.err(`Usage: pacific-lab ${command.usage}`)
    return failure.exitCode
  }
}
