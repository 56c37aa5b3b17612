/**
 * What the stand-in `electron` module records (act.mjs `snapshot()`), as plain data. The
 * stand-in itself is JavaScript (it runs under plain Node beside the built main bundle); these
 * types describe it for the tests.
 */
export interface StubSnapshot {
  windows: StubWindow[]
  /** Channels registered with `ipcMain.handle`, in order. */
  ipcHandlers: string[]
  /** Channels listened to with `ipcMain.on`. */
  ipcListeners: string[]
  /** Events the main process listens to on `app`. */
  appListeners: string[]
  /** `Menu.buildFromTemplate` and `Menu.setApplicationMenu` calls (click handlers left out). */
  menu: { call: 'buildFromTemplate' | 'setApplicationMenu'; template: unknown }[]
  /** Dialogs shown, in order: their kind, options and whether they had a parent window. */
  dialogs: { kind: string; options: Record<string, unknown>; parent: boolean }[]
  /** URLs and paths given to `shell.openExternal`, `openPath`, `showItemInFolder`. */
  openedExternally: string[]
  /** Pushes to renderers (`webContents.send`). */
  sent: StubSent[]
  /** Native addons the process loaded, by file (better-sqlite3's build shows here). */
  nativeModules: string[]
  quit: boolean
  /** What `app.requestSingleInstanceLock(data)` was given, and whether it was granted. */
  singleInstanceLock: { data: unknown; granted: boolean } | null
  /** Paths the main process set with `app.setPath`, by name (e.g. userData). */
  paths: Record<string, string>
  /** Which handlers the main process installed on the default session. */
  session: Record<
    'permissionRequest' | 'permissionCheck' | 'devicePermission' | 'headersReceived' | 'beforeRequest',
    boolean
  >
  webContents: { id: number; listeners: string[]; windowOpenHandler: boolean }[]
}

export interface StubWindow {
  /** The BrowserWindow options exactly as the main process passed them. */
  options: {
    webPreferences?: {
      preload?: string
      contextIsolation?: boolean
      sandbox?: boolean
      nodeIntegration?: boolean
      webSecurity?: boolean
      [key: string]: unknown
    }
    [key: string]: unknown
  }
  webContentsId: number
  loaded: { file: string } | { url: string } | null
  shown: boolean
  closed: boolean
  /** How often the main process brought the window to the front (`focus()`). */
  focused: number
  minimized: boolean
}

export interface StubSent {
  webContentsId: number
  channel: string
  args: unknown[]
}

/** Who sends an IPC message: the app window's main frame, a frame inside it, or another page. */
export type Sender = 'main-frame' | 'subframe' | 'other-contents'

/** Whose page an action concerns: a window by index, or contents that are not the app's window. */
export type Target = number | 'other-contents'

/** What the stand-in Electron executable records about one start (run-app.mjs). */
export interface ExecutableRecord {
  argv: string[]
  cwd: string
  /** The main script Electron would run for those arguments. */
  main: string
  mainExists: boolean
  /** The PACIFIC_LAB_* and ELECTRON_* environment it was started with. */
  env: Record<string, string>
  /** What the main process did until its window loaded. */
  snapshot: StubSnapshot
}
