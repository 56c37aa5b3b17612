import { packageVersion } from '../paths'
import type { CliCommand, HelpRow } from './command'

/** Help fits a terminal of this many columns. */
export const HELP_WIDTH = 100

/** Words of `text` in lines of at most `width` columns (a longer word keeps its own line). */
export function wrap(text: string, width: number): string[] {
  const lines: string[] = []
  let line = ''
  for (const word of text.split(/\s+/).filter(Boolean)) {
    if (line !== '' && line.length + 1 + word.length > width) {
      lines.push(line)
      line = word
    } else line = line === '' ? word : `${line} ${word}`
  }
  return line === '' ? lines : [...lines, line]
}

/**
 * Rows as a two-column table inside HELP_WIDTH: terms padded to the widest (at most a third of
 * the width; a longer term puts its text on the next line), texts wrapped under their column.
 */
export function table(rows: readonly HelpRow[], indent = 2): string[] {
  const widest = Math.max(0, ...rows.map(([term]) => term.length))
  const termWidth = Math.min(widest, Math.floor(HELP_WIDTH / 3))
  const textColumn = indent + termWidth + 2
  const pad = ' '.repeat(textColumn)
  return rows.flatMap(([term, text]) => {
    const body = wrap(text, HELP_WIDTH - textColumn)
    const head = `${' '.repeat(indent)}${term}`
    if (term.length > termWidth) return [head, ...body.map((l) => pad + l)]
    const [first = '', ...rest] = body
    return [`${head.padEnd(textColumn)}${first}`.trimEnd(), ...rest.map((l) => pad + l)]
  })
}

/** A usage line, wrapped at HELP_WIDTH with its continuation indented under the command. */
export function usageLines(usage: string): string[] {
  const prefix = 'Usage: pacific-lab '
  const [first = '', ...rest] = wrap(usage, HELP_WIDTH - prefix.length)
  return [prefix + first, ...rest.map((line) => ' '.repeat(prefix.length) + line)]
}

/** `pacific-lab --help`. */
export function helpText(commands: readonly CliCommand[]): string {
  return [
    `pacific-lab ${packageVersion()}: a desktop lab for vSphere with Kubernetes`,
    '',
    'Usage: pacific-lab COMMAND [ARGUMENTS] [OPTIONS]',
    '',
    'Commands:',
    ...table(commands.map((c) => [c.name, c.summary])),
    '',
    'Options:',
    ...table([
      ['--version', 'Print the version'],
      ['--help', 'Print this help; "pacific-lab COMMAND --help" prints a command\'s own'],
    ]),
    '',
    ...wrap(
      'LAB is "demo", a .pacificlab file or a .lab.yaml file. Exit codes: 0 success, 1 the lab ' +
        '(or import, export) has errors, 2 bad input, 3 a bug.',
      HELP_WIDTH,
    ),
  ].join('\n')
}

/** `pacific-lab COMMAND --help`. */
export function commandHelp(command: CliCommand): string {
  const { help } = command
  const section = (title: string, rows: readonly HelpRow[] | undefined) =>
    rows && rows.length > 0 ? ['', `${title}:`, ...table(rows)] : []
  return [
    ...usageLines(command.usage),
    '',
    ...wrap(command.summary, HELP_WIDTH),
    ...section('Arguments', help?.arguments),
    ...section('Options', [...(help?.options ?? []), ['--help', 'Print this help']]),
    ...section('Examples', help?.examples),
  ].join('\n')
}

/** True when the arguments ask for help (before a `--`, after which everything is an argument). */
export function asksForHelp(args: readonly string[]): boolean {
  const end = args.indexOf('--')
  return (end === -1 ? args : args.slice(0, end)).some((a) => a === '--help' || a === '-h')
}
