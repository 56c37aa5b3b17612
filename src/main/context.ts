import type { BrowserWindow } from 'electron'

import type { LabService } from '../node/lab-service'
import type { Log } from '../node/log'

/** What the parts of the main process share: the one service, the log and the app window. */
export interface MainContext {
  service: LabService
  log: Log
  /** The app window, or null when there is none (macOS keeps the app running without one). */
  window(): BrowserWindow | null
  /** The app window, opened again when there is none. */
  ensureWindow(): BrowserWindow
}
