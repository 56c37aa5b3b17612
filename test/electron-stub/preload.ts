import { readFileSync } from 'node:fs'
import { runInNewContext } from 'node:vm'

/** What a preload did when run as Electron runs a sandboxed one. */
export interface PreloadRun {
  /** What it exposed with `contextBridge.exposeInMainWorld`, by key (e.g. `lab`). */
  exposed: Record<string, unknown>
  /** Every module id it required. */
  required: string[]
  /** Delivers a push from the main process (`webContents.send(channel, ...args)`) to its listeners. */
  push(channel: string, ...args: unknown[]): void
}

/**
 * Runs a built preload script the way Electron runs a sandboxed one: as one CommonJS script in a
 * fresh context whose `require` knows only `electron` (so a preload that needs anything else,
 * or is not CommonJS, fails here as it would there). `invoke` answers `ipcRenderer.invoke`,
 * e.g. with a booted main process (boot.ts).
 */
export function runPreload(
  file: string,
  invoke: (channel: string, args: unknown[]) => Promise<unknown>,
): PreloadRun {
  const exposed: Record<string, unknown> = {}
  const required: string[] = []
  const listeners = new Map<string, Set<(...args: unknown[]) => void>>()
  const ipcRenderer = {
    invoke: (channel: string, ...args: unknown[]) => invoke(channel, args),
    on(channel: string, listener: (...args: unknown[]) => void) {
      listeners.set(channel, (listeners.get(channel) ?? new Set()).add(listener))
      return ipcRenderer
    },
    removeListener(channel: string, listener: (...args: unknown[]) => void) {
      listeners.get(channel)?.delete(listener)
      return ipcRenderer
    },
  }
  const electron = {
    contextBridge: { exposeInMainWorld: (key: string, api: unknown) => (exposed[key] = api) },
    ipcRenderer,
    // A dropped file here is `{ path }` standing in for a File; anything else is refused, as Electron
    // refuses what is not a File.
    webUtils: {
      getPathForFile(file: unknown) {
        const path = (file as { path?: unknown } | null)?.path
        if (typeof path !== 'string') throw new TypeError('getPathForFile: the argument is not a File')
        return path
      },
    },
  }
  const sandboxRequire = (id: string) => {
    required.push(id)
    if (id === 'electron') return electron
    throw new Error(`a sandboxed preload can require only 'electron', not '${id}'`)
  }
  const module = { exports: {} }
  const source = readFileSync(file, 'utf8')
  const wrapped = `(function (exports, require, module, __filename, __dirname) {${source}\n})`
  const run = runInNewContext(wrapped, {}, { filename: file }) as (...args: unknown[]) => void
  run(module.exports, sandboxRequire, module, file, '')
  return {
    exposed,
    required,
    push(channel, ...args) {
      for (const listener of listeners.get(channel) ?? []) listener({ sender: null }, ...args)
    },
  }
}
