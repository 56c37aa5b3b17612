import { join } from 'node:path'

import { app, BrowserWindow, ipcMain, session, shell, type WebContents } from 'electron'

import { channelOf, EVENT_CHANNEL } from '../shared/contract/channels'
import { REQUEST_NAMES } from '../shared/contract/contract'
import { err } from '../shared/contract/result'
import { LabService } from '../node/lab-service'
import { CONTENT_SECURITY_POLICY } from '../node/csp'
import { createFileLog } from '../node/log'
import { dispatchLogged } from '../node/logged-dispatch'
import { dataDir } from '../node/persistence/app-data'

/** Links the app may open in the user's browser; everything else is refused. */
const EXTERNAL_ALLOW_LIST = [
  'https://github.com/',
  'https://docs.vmware.com/',
  'https://techdocs.broadcom.com/',
]

let mainWindow: BrowserWindow | null = null

/** The rotating log in the app data folder (docs/security.md). */
const log = createFileLog(dataDir())

function createWindow(service: LabService) {
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
  mainWindow = win
  win.once('ready-to-show', () => win.show())
  win.on('closed', () => {
    mainWindow = null
  })
  hardenContents(win.webContents)
  const off = service.onEvent((event) => {
    if (!win.isDestroyed()) win.webContents.send(EVENT_CHANNEL, event)
  })
  win.on('closed', off)
  // Only a development build (electron-vite dev) loads the renderer from an address; a release
  // build never takes one from the environment, so the string is not even in it (docs/security.md).
  const devUrl = import.meta.env.DEV ? process.env['ELECTRON_RENDERER_URL'] : undefined
  if (devUrl) void win.loadURL(devUrl)
  else void win.loadFile(join(import.meta.dirname, '../renderer/index.html'))
}

/** No navigation, no new windows, external links only from the allow-list. */
function hardenContents(contents: WebContents) {
  contents.on('will-navigate', (event) => event.preventDefault())
  contents.on('will-redirect', (event) => event.preventDefault())
  contents.setWindowOpenHandler(({ url }) => {
    if (EXTERNAL_ALLOW_LIST.some((prefix) => url.startsWith(prefix))) void shell.openExternal(url)
    return { action: 'deny' }
  })
}

/** Every request is validated by `dispatch`; only our window's main frame may call. */
function bindIpc(service: LabService) {
  for (const name of REQUEST_NAMES) {
    ipcMain.handle(channelOf(name), (event, input: unknown) => {
      const frame = event.senderFrame
      if (
        !mainWindow ||
        event.sender !== mainWindow.webContents ||
        frame !== mainWindow.webContents.mainFrame
      )
        return err('forbidden-sender', 'Requests are accepted only from the Pacific Lab window.')
      return dispatchLogged(service.handlers, name, input, log, 'ipc')
    })
  }
}

void app.whenReady().then(() => {
  session.defaultSession.setPermissionRequestHandler((_contents, _permission, callback) => callback(false))
  session.defaultSession.setPermissionCheckHandler(() => false)
  session.defaultSession.webRequest.onHeadersReceived((details, callback) => {
    callback({
      responseHeaders: { ...details.responseHeaders, 'Content-Security-Policy': [CONTENT_SECURITY_POLICY] },
    })
  })
  app.on('web-contents-created', (_event, contents) => hardenContents(contents))
  app.on('render-process-gone', (_event, _contents, details) => log.error(`renderer gone: ${details.reason}`))
  log.info(`main: started ${app.getVersion()}`)
  const service = new LabService('electron')
  bindIpc(service)
  createWindow(service)
  // Closing checkpoints the WAL, so the lab is one self-contained file again after quitting.
  app.on('will-quit', () => service.close())
  app.on('activate', () => {
    if (BrowserWindow.getAllWindows().length === 0) createWindow(service)
  })
})

app.on('window-all-closed', () => {
  if (process.platform !== 'darwin') app.quit()
})
