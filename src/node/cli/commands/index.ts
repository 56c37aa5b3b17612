import type { CliCommand } from '../command'
import { demoCommand } from './demo'
import { exportCommand } from './export'
import { generateCommand } from './generate'
import { importCommand } from './import'
import { loadTextCommand } from './load-text'
import { newCommand } from './new'
import { runCommand } from './run'
import { saveTextCommand } from './save-text'
import { serveCommand } from './serve'
import { validateCommand } from './validate'

/** Every subcommand, in the order `--help` lists them. Adding one is one line here. */
export const COMMANDS: readonly CliCommand[] = [
  serveCommand,
  newCommand,
  demoCommand,
  generateCommand,
  validateCommand,
  runCommand,
  exportCommand,
  importCommand,
  saveTextCommand,
  loadTextCommand,
]
