import type { CliCommand } from '../command'
import { runCommand } from './run'
import { serveCommand } from './serve'
import { validateCommand } from './validate'

/** Every subcommand, in the order `--help` lists them. Adding one is one line here. */
export const COMMANDS: readonly CliCommand[] = [serveCommand, validateCommand, runCommand]
