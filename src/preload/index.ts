import { contextBridge, ipcRenderer, webUtils, type IpcRendererEvent } from 'electron'

import { channelOf, EVENT_CHANNEL, type LabBridge } from '../shared/contract/channels'

/**
 * `window.lab`: a generic invoke, one event subscription and the path of a dropped file. No logic
 * and no validation here; the main process validates every request against the contract.
 */
const bridge: LabBridge = {
  invoke: (method, input) =>
    ipcRenderer.invoke(channelOf(method), input).catch((e: unknown) => ({
      ok: false,
      error: { code: 'unknown-method', message: e instanceof Error ? e.message : String(e) },
    })),
  onEvent: (listener) => {
    const handler = (_event: IpcRendererEvent, payload: unknown) => listener(payload)
    ipcRenderer.on(EVENT_CHANNEL, handler)
    return () => ipcRenderer.removeListener(EVENT_CHANNEL, handler)
  },
  pathForFile: (file) => {
    try {
      return webUtils.getPathForFile(file as Parameters<typeof webUtils.getPathForFile>[0])
    } catch {
      return '' // not a File: nothing to open
    }
  },
}

contextBridge.exposeInMainWorld('lab', bridge)
