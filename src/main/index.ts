import { app, ipcMain, session, type BrowserWindow } from 'electron'

import { channelOf } from '../shared/contract/channels'
import { REQUEST_NAMES } from '../shared/contract/contract'
import { err } from '../shared/contract/result'
import { LabService } from '../node/lab-service'
import { CONTENT_SECURITY_POLICY } from '../node/csp'
import { createFileLog } from '../node/log'
import { dispatchLogged } from '../node/logged-dispatch'
import { dataDir } from '../node/persistence/app-data'
import { installAppMenu } from './app-menu'
import type { MainContext } from './context'
import { openLab, openLabAt } from './file-dialogs'
import { labFromArgs, labFromLaunchData, type LaunchData } from './launch-args'
import { createWindow, focusWindow, hardenContents } from './window'

/** The rotating log in the app data folder (docs/security.md). */
const log = createFileLog(dataDir())

// One app per data folder: Electron ties the single-instance lock to userData, so it is ours.
app.setPath('userData', dataDir())
const launchLab = labFromArgs(process.argv.slice(1), process.cwd())
const launch: LaunchData = { lab: launchLab }

if (!app.requestSingleInstanceLock(launch)) {
  // Another Pacific Lab has this data folder open; it was handed our lab (second-instance).
  app.quit()
} else {
  start()
}

function start() {
  let context: MainContext | null = null
  /** A lab macOS asked to open (open-file) before the app was ready. */
  let pendingLab = launchLab

  app.on('open-file', (event, path) => {
    event.preventDefault()
    if (context) void openLabAt(context, path)
    else pendingLab = path
  })
  app.on('second-instance', (_event, argv, workingDirectory, data) => {
    if (!context) return
    const lab = labFromLaunchData(data) ?? labFromArgs(argv.slice(1), workingDirectory)
    if (lab) void openLabAt(context, lab)
    else focusWindow(context.ensureWindow())
  })
  app.on('window-all-closed', () => {
    if (process.platform !== 'darwin') app.quit()
  })

  void app.whenReady().then(async () => {
    hardenSession()
    log.info(`main: started ${app.getVersion()}`)
    const service = new LabService('electron')
    context = mainContext(service)
    bindIpc(context)
    installAppMenu(context)
    // Closing checkpoints the WAL, so the lab is one self-contained file again after quitting.
    app.on('will-quit', () => service.close())
    app.on('activate', () => context?.ensureWindow())
    // The lab the launch named opens before the window exists, so the page starts on it.
    if (pendingLab) await openLab(context, pendingLab)
    context.ensureWindow()
  })
}

function mainContext(service: LabService): MainContext {
  let win: BrowserWindow | null = null
  const context: MainContext = {
    service,
    log,
    window: () => (win && !win.isDestroyed() ? win : null),
    ensureWindow() {
      const open = context.window()
      if (open) return open
      const created = createWindow(service, { onLabDropped: (path) => void openLabAt(context, path) })
      created.on('closed', () => {
        if (win === created) win = null
      })
      win = created
      return created
    },
  }
  return context
}

function hardenSession() {
  session.defaultSession.setPermissionRequestHandler((_contents, _permission, callback) => callback(false))
  session.defaultSession.setPermissionCheckHandler(() => false)
  session.defaultSession.webRequest.onHeadersReceived((details, callback) => {
    callback({
      responseHeaders: { ...details.responseHeaders, 'Content-Security-Policy': [CONTENT_SECURITY_POLICY] },
    })
  })
  app.on('web-contents-created', (_event, contents) => hardenContents(contents))
  app.on('render-process-gone', (_event, _contents, details) => log.error(`renderer gone: ${details.reason}`))
}

/** Every request is validated by `dispatch`; only our window's main frame may call. */
function bindIpc(context: MainContext) {
  for (const name of REQUEST_NAMES) {
    ipcMain.handle(channelOf(name), (event, input: unknown) => {
      const win = context.window()
      if (!win || event.sender !== win.webContents || event.senderFrame !== win.webContents.mainFrame)
        return err('forbidden-sender', 'Requests are accepted only from the Pacific Lab window.')
      return dispatchLogged(context.service.handlers, name, input, log, 'ipc')
    })
  }
}
