// A stand-in for the `electron` module of the main process (hooks.mjs resolves `electron` to this
// file). It records what the main process asks of Electron and, through `act`, lets a test play
// the renderer, the user and the network. Only the parts Pacific Lab uses are here; a missing
// export fails the import with the export's name, which says what to add.
import { EventEmitter } from 'node:events'
import { tmpdir } from 'node:os'

import { createSession } from './session.mjs'

/** Everything recorded so far; `snapshot()` is its JSON form (types.ts describes it). */
export const record = {
  windows: [],
  ipcHandlers: [],
  ipcListeners: [],
  appListeners: [],
  menu: [],
  dialogs: [],
  openedExternally: [],
  sent: [],
  nativeModules: [],
  quit: false,
  /** What `app.requestSingleInstanceLock(data)` was given, and whether the lock was granted. */
  singleInstanceLock: null,
  /** Paths set with `app.setPath`, by name. */
  paths: {},
}

/**
 * Dialog answers a test queued (act.answerDialog), by dialog kind, used once each in order;
 * a dialog with none queued is answered as cancelled.
 */
export const dialogAnswers = new Map()

/** `loaded` (a window started loading its page), `sent` (a push to a renderer), `quit`. */
export const stubEvents = new EventEmitter()

/** An Electron event object whose default a listener may prevent. */
export function preventable(fields = {}) {
  const event = { ...fields, defaultPrevented: false, preventDefault: () => (event.defaultPrevented = true) }
  return event
}

const listenerNames = (emitter, into) => emitter.on('newListener', (name) => into.push(name))

let nextId = 1
class WebFrameMain {
  constructor(url, parent) {
    this.frameTreeNodeId = nextId++
    this.routingId = this.frameTreeNodeId
    this.processId = 1
    this.url = url
    this.parent = parent
    this.top = parent ? parent.top : this
  }
  isDestroyed() {
    return false
  }
}

class WebContents extends EventEmitter {
  constructor(url) {
    super()
    this.id = nextId++
    this.listeners = []
    listenerNames(this, this.listeners)
    this.mainFrame = new WebFrameMain(url, null)
    this.windowOpenHandler = null
    this.session = defaultSession
    this.destroyed = false
  }
  setWindowOpenHandler(handler) {
    this.windowOpenHandler = handler
  }
  send(channel, ...args) {
    const sent = { webContentsId: this.id, channel, args }
    record.sent.push(sent)
    stubEvents.emit('sent', sent)
  }
  getURL() {
    return this.mainFrame.url
  }
  isDestroyed() {
    return this.destroyed
  }
  openDevTools() {}
}

const windows = []

export class BrowserWindow extends EventEmitter {
  static getAllWindows = () => windows.filter((w) => !w.destroyed)
  static getFocusedWindow = () => BrowserWindow.getAllWindows()[0] ?? null
  static fromWebContents = (contents) => windows.find((w) => w.webContents === contents) ?? null

  constructor(options = {}) {
    super()
    this.destroyed = false
    this.webContents = new WebContents('about:blank')
    this.entry = {
      options,
      webContentsId: this.webContents.id,
      loaded: null,
      shown: false,
      closed: false,
      focused: 0,
      minimized: false,
    }
    record.windows.push(this.entry)
    windows.push(this)
    app.emit('web-contents-created', preventable(), this.webContents)
  }
  #load(loaded, url) {
    this.entry.loaded = loaded
    this.webContents.mainFrame.url = url
    // After the current tick, as Electron: whatever the caller sets up next is in place first.
    setImmediate(() => {
      this.emit('ready-to-show')
      stubEvents.emit('loaded', this.entry)
    })
    return Promise.resolve()
  }
  loadFile(file) {
    return this.#load({ file }, `file://${file}`)
  }
  loadURL(url) {
    return this.#load({ url }, url)
  }
  show() {
    this.entry.shown = true
  }
  focus() {
    this.entry.focused++
  }
  isMinimized() {
    return this.entry.minimized
  }
  minimize() {
    this.entry.minimized = true
  }
  restore() {
    this.entry.minimized = false
  }
  isDestroyed() {
    return this.destroyed
  }
  close() {
    if (this.destroyed) return
    const event = preventable()
    this.emit('close', event)
    if (event.defaultPrevented) return
    this.destroy()
  }
  destroy() {
    this.destroyed = true
    this.webContents.destroyed = true
    this.entry.closed = true
    this.emit('closed')
    if (BrowserWindow.getAllWindows().length === 0 && !record.quit) app.emit('window-all-closed')
  }
}

class App extends EventEmitter {
  isPackaged = false
  #ready = false
  #whenReady = new Promise((resolve) =>
    // Ready once the main script has run to its end, as in Electron.
    setImmediate(() => {
      this.#ready = true
      this.emit('ready')
      resolve()
    }),
  )
  whenReady() {
    return this.#whenReady
  }
  isReady() {
    return this.#ready
  }
  getName() {
    return 'pacific-lab'
  }
  getVersion() {
    return '0.0.0-stub'
  }
  getPath(name) {
    return record.paths[name] ?? process.env['PACIFIC_LAB_DATA_DIR'] ?? tmpdir()
  }
  setPath(name, path) {
    record.paths[name] = path
  }
  /** Granted unless the test says another instance holds it (PACIFIC_LAB_STUB_LOCK=held). */
  requestSingleInstanceLock(data) {
    const granted = process.env['PACIFIC_LAB_STUB_LOCK'] !== 'held'
    record.singleInstanceLock = { data: data ?? null, granted }
    return granted
  }
  /** Quits as Electron does: before-quit, the windows close, will-quit, quit (each may be prevented). */
  quit() {
    const before = preventable()
    this.emit('before-quit', before)
    if (before.defaultPrevented) return
    record.quit = true
    for (const win of BrowserWindow.getAllWindows()) win.destroy()
    const will = preventable()
    this.emit('will-quit', will)
    if (will.defaultPrevented) return
    this.emit('quit', preventable(), 0)
    stubEvents.emit('quit')
  }
  exit() {
    record.quit = true
    stubEvents.emit('quit')
  }
}

export const app = new App()
listenerNames(app, record.appListeners)

const defaultSession = createSession()
export const session = { defaultSession, fromPartition: () => defaultSession }

const handlers = new Map()
export const ipcMain = Object.assign(new EventEmitter(), {
  handle(channel, listener) {
    if (handlers.has(channel)) throw new Error(`Attempted to register a second handler for '${channel}'`)
    handlers.set(channel, listener)
    record.ipcHandlers.push(channel)
  },
  handleOnce(channel, listener) {
    this.handle(channel, (...args) => {
      handlers.delete(channel)
      return listener(...args)
    })
  },
  removeHandler(channel) {
    handlers.delete(channel)
    record.ipcHandlers = record.ipcHandlers.filter((c) => c !== channel)
  },
})
listenerNames(ipcMain, record.ipcListeners)

export const shell = {
  openExternal(url) {
    record.openedExternally.push(url)
    return Promise.resolve()
  },
  openPath(path) {
    record.openedExternally.push(path)
    return Promise.resolve('')
  },
  showItemInFolder(path) {
    record.openedExternally.push(path)
  },
}

let applicationMenu = null
export const Menu = {
  buildFromTemplate(template) {
    record.menu.push({ call: 'buildFromTemplate', template })
    return { items: template }
  },
  setApplicationMenu(menu) {
    applicationMenu = menu
    record.menu.push({ call: 'setApplicationMenu', template: menu ? menu.items : null })
  },
  getApplicationMenu: () => applicationMenu,
}

/** Every dialog is recorded and answered with the next answer queued for it, else as cancelled. */
const cancelled =
  (kind) =>
  (...args) => {
    record.dialogs.push({ kind, options: args.at(-1), parent: args.length > 1 })
    const queued = dialogAnswers.get(kind)?.shift()
    if (queued) return Promise.resolve(queued)
    return Promise.resolve(
      kind === 'showMessageBox'
        ? { response: 0, checkboxChecked: false }
        : { canceled: true, filePaths: [], filePath: undefined },
    )
  }
export const dialog = {
  showOpenDialog: cancelled('showOpenDialog'),
  showSaveDialog: cancelled('showSaveDialog'),
  showMessageBox: cancelled('showMessageBox'),
  showErrorBox: (title, content) =>
    record.dialogs.push({ kind: 'showErrorBox', options: { title, content } }),
}

export { handlers as ipcHandlers, defaultSession, WebContents, WebFrameMain, windows }

export default { app, BrowserWindow, dialog, ipcMain, Menu, session, shell }
