import type { CliCommand } from '../command'
import { exportCommand } from './export'
import { importCommand } from './import'
import { serveCommand } from './serve'

/** Every subcommand, in the order `--help` lists them. Adding one is one line here. */
export const COMMANDS: readonly CliCommand[] = [serveCommand, exportCommand, importCommand]
