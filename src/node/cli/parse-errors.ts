/**
 * Node's `parseArgs` errors in the CLI's words: which flag, which command, and where to look,
 * instead of Node's advice about positionals. Null for anything that is not such an error.
 */
export function describeParseError(e: unknown, command: string): string | null {
  const code = (e as { code?: unknown } | null)?.code
  const message = e instanceof Error ? e.message : ''
  const quoted = /'([^']+)'/.exec(message)?.[1] ?? ''
  // "--seed <value>", or "-n, --namespace <value>" for an option with a short name: the long one.
  const flag =
    quoted
      .split(/[ ,]+/)
      .filter((word) => word.startsWith('-'))
      .at(-1) ?? quoted
  const seeHelp = `(see "pacific-lab ${command} --help")`
  switch (code) {
    case 'ERR_PARSE_ARGS_UNKNOWN_OPTION':
      return `unknown option ${flag} ${seeHelp}`
    case 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE':
      return message.includes('argument missing')
        ? `${flag} needs a value ${seeHelp}`
        : `${flag} takes no value ${seeHelp}`
    case 'ERR_PARSE_ARGS_UNEXPECTED_POSITIONAL':
      return `"${quoted}" is not an argument of ${command} ${seeHelp}`
    default:
      return null
  }
}
