/** One CLI subcommand. Exit codes: 0 success, 1 the checked thing failed, 2 bad input. */
export interface CliCommand {
  name: string
  /** e.g. `serve [--port N] [LAB]` */
  usage: string
  summary: string
  /** What `pacific-lab NAME --help` prints below the usage and summary. */
  help?: CommandHelp
  run(args: string[], io: CliIo): Promise<number>
}

/** A term and what it means, one row of a help table (`--port N`, `The port to listen on`). */
export type HelpRow = readonly [term: string, text: string]

export interface CommandHelp {
  arguments?: readonly HelpRow[]
  options?: readonly HelpRow[]
  /** Command lines a user can copy, each with what it does. */
  examples?: readonly HelpRow[]
}

export interface CliIo {
  out(line: string): void
  err(line: string): void
}

/** A usage or input error: printed to stderr with exit code 2. */
export class CliUsageError extends Error {}
