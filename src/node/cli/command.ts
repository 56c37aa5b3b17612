/** One CLI subcommand. Exit codes: 0 success, 1 the checked thing failed, 2 bad input. */
export interface CliCommand {
  name: string
  /** e.g. `serve [--port N] [LAB]` */
  usage: string
  summary: string
  run(args: string[], io: CliIo): Promise<number>
}

export interface CliIo {
  out(line: string): void
  err(line: string): void
}

/** A usage or input error: printed to stderr with exit code 2. */
export class CliUsageError extends Error {}
