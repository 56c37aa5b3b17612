import { join } from 'node:path'

import { BrowserWindow, shell, type WebContents } from 'electron'

import { EVENT_CHANNEL } from '../shared/contract/channels'
import type { LabService } from '../node/lab-service'
import { labFromNavigation } from './launch-args'

/** Links the app may open in the user's browser; everything else is refused. */
const EXTERNAL_ALLOW_LIST = [
  'https://github.com/',
  'https://docs.vmware.com/',
  'https://techdocs.broadcom.com/',
]

/** No navigation, no new windows, external links only from the allow-list. */
export function hardenContents(contents: WebContents) {
  contents.on('will-navigate', (event) => event.preventDefault())
  contents.on('will-redirect', (event) => event.preventDefault())
  contents.setWindowOpenHandler(({ url }) => {
    if (EXTERNAL_ALLOW_LIST.some((prefix) => url.startsWith(prefix))) void shell.openExternal(url)
    return { action: 'deny' }
  })
}

export interface WindowHooks {
  /** A lab file was dropped on the window where the page did not take the drop. */
  onLabDropped(path: string): void
}

/** The app window: hardened, fed the service's pushes, loading the built renderer. */
export function createWindow(service: LabService, hooks: WindowHooks): BrowserWindow {
  const win = new BrowserWindow({
    width: 1440,
    height: 900,
    show: false,
    title: 'Pacific Lab',
    backgroundColor: '#0f172a',
    webPreferences: {
      preload: join(import.meta.dirname, '../preload/index.cjs'),
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      webSecurity: true,
      spellcheck: false,
    },
  })
  win.once('ready-to-show', () => win.show())
  hardenContents(win.webContents)
  // The navigation itself is prevented above; a dropped lab file is opened instead.
  win.webContents.on('will-navigate', (event) => {
    const lab = labFromNavigation(event.url)
    if (lab) hooks.onLabDropped(lab)
  })
  const off = service.onEvent((event) => {
    if (!win.isDestroyed()) win.webContents.send(EVENT_CHANNEL, event)
  })
  win.on('closed', off)
  // Only a development build (electron-vite dev) loads the renderer from an address; a release
  // build never takes one from the environment, so the string is not even in it (docs/security.md).
  const devUrl = import.meta.env.DEV ? process.env['ELECTRON_RENDERER_URL'] : undefined
  if (devUrl) void win.loadURL(devUrl)
  else void win.loadFile(join(import.meta.dirname, '../renderer/index.html'))
  return win
}

/** Brings the window to the front, as a second launch or an opened file expects. */
export function focusWindow(win: BrowserWindow) {
  if (win.isMinimized()) win.restore()
  win.show()
  win.focus()
}
