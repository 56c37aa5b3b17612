import type { CliCommand } from '../command'
import { demoCommand } from './demo'
import { loadTextCommand } from './load-text'
import { newCommand } from './new'
import { saveTextCommand } from './save-text'
import { serveCommand } from './serve'

/** Every subcommand, in the order `--help` lists them. Adding one is one line here. */
export const COMMANDS: readonly CliCommand[] = [
  serveCommand,
  newCommand,
  demoCommand,
  saveTextCommand,
  loadTextCommand,
]
