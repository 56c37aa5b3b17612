// What a test can do to the main process through the stand-in: be a renderer frame calling over
// IPC, a page navigating or opening a window, a site asking for a permission, the network
// answering with headers, the user clicking a menu item or closing the window. Each action runs
// the handler the main process installed and returns what that handler decided.
import {
  app,
  BrowserWindow,
  defaultSession,
  dialogAnswers,
  ipcHandlers,
  Menu,
  preventable,
  record,
  WebContents,
  WebFrameMain,
  windows,
} from './electron.mjs'

const windowAt = (index = 0) => {
  const win = windows[index]
  if (!win) throw new Error(`the main process opened no window #${index} (it opened ${windows.length})`)
  return win
}

let foreign = null
/** Contents that are not the app window (another page, a webview): created once, as Electron would. */
function foreignContents() {
  if (!foreign) {
    foreign = new WebContents('https://example.com/')
    app.emit('web-contents-created', preventable(), foreign)
  }
  return foreign
}

/** The IPC event Electron builds for a message from `from`. */
function ipcEvent(from, index) {
  const contents = from === 'other-contents' ? foreignContents() : windowAt(index).webContents
  const frame =
    from === 'main-frame' || from === 'other-contents'
      ? contents.mainFrame
      : from === 'subframe'
        ? new WebFrameMain('https://example.com/embedded', contents.mainFrame)
        : null
  if (!frame) throw new Error(`unknown sender "${from}": main-frame, subframe or other-contents`)
  return { type: 'frame', sender: contents, senderFrame: frame, frameId: frame.routingId, processId: 1 }
}

const contentsOf = (target) =>
  target === 'other-contents' ? foreignContents() : windowAt(target).webContents

export const act = {
  /** The record as plain data (functions, such as menu click handlers, left out). */
  snapshot() {
    const installed = defaultSession.installed
    return JSON.parse(
      JSON.stringify({
        ...record,
        session: Object.fromEntries(Object.entries(installed).map(([k, v]) => [k, typeof v === 'function'])),
        webContents: [...windows.map((w) => w.webContents), ...(foreign ? [foreign] : [])].map((c) => ({
          id: c.id,
          listeners: c.listeners,
          windowOpenHandler: typeof c.windowOpenHandler === 'function',
        })),
      }),
    )
  },

  /** `ipcRenderer.invoke(channel, ...args)` from a frame; rejects as Electron does when unhandled. */
  async invoke(channel, args = [], { from = 'main-frame', window = 0 } = {}) {
    const handler = ipcHandlers.get(channel)
    if (!handler)
      throw new Error(`Error invoking remote method '${channel}': No handler registered for '${channel}'`)
    return await handler(ipcEvent(from, window), ...args)
  },

  /** A page of `target` (a window index or 'other-contents') starts to navigate or is redirected. */
  navigate(url, { target = 0, redirect = false } = {}) {
    const contents = contentsOf(target)
    const event = preventable({ url, isMainFrame: true, frame: contents.mainFrame })
    contents.emit(redirect ? 'will-redirect' : 'will-navigate', event, url)
    return { prevented: event.defaultPrevented }
  },

  /** `window.open(url)` or a target=_blank link; with no handler Electron allows it. */
  openWindow(url, { target = 0 } = {}) {
    const contents = contentsOf(target)
    if (!contents.windowOpenHandler) return { action: 'allow' }
    const details = {
      url,
      frameName: '',
      features: '',
      disposition: 'new-window',
      referrer: { url: '', policy: 'default' },
    }
    return contents.windowOpenHandler(details)
  },

  /** A page asks for a permission; true when granted (Electron grants when there is no handler). */
  requestPermission(permission, { window = 0 } = {}) {
    const handler = defaultSession.installed.permissionRequest
    if (!handler) return true
    const contents = windowAt(window).webContents
    return new Promise((resolve) =>
      handler(contents, permission, resolve, { requestingUrl: contents.getURL(), isMainFrame: true }),
    )
  },

  /** Chromium checks a permission; true when allowed (Electron allows when there is no handler). */
  checkPermission(permission, { origin = 'file://', window = 0 } = {}) {
    const handler = defaultSession.installed.permissionCheck
    if (!handler) return true
    return handler(windowAt(window).webContents, permission, origin, {
      requestingUrl: origin,
      isMainFrame: true,
    })
  },

  /** A response arrives for `url`; the headers as the session's listener leaves them. */
  receiveHeaders(url, responseHeaders = {}, { resourceType = 'mainFrame' } = {}) {
    const listener = defaultSession.installed.headersReceived
    if (!listener) return responseHeaders
    return new Promise((resolve) =>
      listener(
        { id: 1, url, method: 'GET', resourceType, statusCode: 200, responseHeaders },
        (response = {}) => resolve(response.cancel ? null : (response.responseHeaders ?? responseHeaders)),
      ),
    )
  },

  /** Clicks the application-menu item reached by `labels` (e.g. ['File', 'Open…']). */
  clickMenu(labels) {
    let items = Menu.getApplicationMenu()?.items ?? []
    let item = null
    for (const label of labels) {
      item = items.find((i) => i.label === label) ?? null
      if (!item) throw new Error(`no menu item "${label}" in ${JSON.stringify(labels)}`)
      items = item.submenu?.items ?? item.submenu ?? []
    }
    if (typeof item?.click !== 'function') throw new Error(`menu item ${JSON.stringify(labels)} has no click`)
    // Electron never runs a disabled item, by click or by key.
    if (item.enabled === false) throw new Error(`menu item ${JSON.stringify(labels)} is disabled`)
    item.click(item, BrowserWindow.getFocusedWindow(), { triggeredByAccelerator: false })
    return true
  },

  /** Queues what the user answers in the next dialog of `kind` (e.g. a chosen file). */
  answerDialog(kind, answer) {
    dialogAnswers.set(kind, [...(dialogAnswers.get(kind) ?? []), answer])
    return true
  },

  /** Another launch of the app, refused the single-instance lock, hands over its arguments. */
  secondInstance(argv, workingDirectory, data) {
    app.emit('second-instance', preventable(), argv, workingDirectory, data)
    return true
  },

  /** macOS asks the app to open a file (Finder, the Dock, `open x.pacificlab`): was it taken? */
  openFile(path) {
    const event = preventable()
    app.emit('open-file', event, path)
    return { prevented: event.defaultPrevented }
  },

  /** The user minimizes a window. */
  minimize(index = 0) {
    windowAt(index).minimize()
    return true
  },

  /** The user closes a window (Electron then emits window-all-closed when it was the last). */
  closeWindow(index = 0) {
    windowAt(index).close()
    return true
  },

  /** The app is asked to quit (Cmd+Q, or the OS logging out). */
  quit() {
    app.quit()
    return true
  },
}
