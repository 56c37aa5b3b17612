import { contextBridge, ipcRenderer, type IpcRendererEvent } from 'electron'

import { channelOf, EVENT_CHANNEL, type LabBridge } from '../shared/contract/channels'

/**
 * `window.lab`: a generic invoke and one event subscription. No logic and no validation here;
 * the main process validates every request against the contract.
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
}

contextBridge.exposeInMainWorld('lab', bridge)
