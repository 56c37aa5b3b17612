// The stand-in for `session.defaultSession`: keeps the handlers the main process installs, so a
// test can ask them what they decide (act.mjs), and reports which ones exist.

/** A session that grants everything until the main process installs handlers, as Electron does. */
export function createSession() {
  const installed = {
    permissionRequest: null,
    permissionCheck: null,
    devicePermission: null,
    headersReceived: null,
    beforeRequest: null,
  }
  // webRequest listeners come as (listener) or (filter, listener); null removes.
  const listenerOf = (filterOrListener, listener) => (listener === undefined ? filterOrListener : listener)
  return {
    installed,
    setPermissionRequestHandler: (handler) => (installed.permissionRequest = handler),
    setPermissionCheckHandler: (handler) => (installed.permissionCheck = handler),
    setDevicePermissionHandler: (handler) => (installed.devicePermission = handler),
    webRequest: {
      onHeadersReceived: (a, b) => (installed.headersReceived = listenerOf(a, b)),
      onBeforeRequest: (a, b) => (installed.beforeRequest = listenerOf(a, b)),
    },
  }
}
