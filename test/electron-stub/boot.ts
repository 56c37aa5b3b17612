import { fork, type ChildProcess } from 'node:child_process'
import { existsSync, mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { pathToFileURL } from 'node:url'

import { channelOf } from '../../src/shared/contract/channels'
import type { StubSent, Sender, StubSnapshot, Target } from './types'

export const ROOT = join(import.meta.dirname, '..', '..')
/** The built main-process bundle (`npm run build` writes it). */
export const BUILT_MAIN = join(ROOT, 'out', 'main', 'index.js')
/** For `node --import` (a URL, which works on every platform): runs a main script under the stand-in. */
export const REGISTER = pathToFileURL(join(import.meta.dirname, 'register.mjs')).href

export interface BootOptions {
  /** The main script; default the built bundle. */
  main?: string
  /** The user data folder; default a fresh temporary one, so the user's own is never touched. */
  dataDir?: string
  /** More environment for the main process (e.g. PACIFIC_LAB_SQLITE_BINDING). */
  env?: Record<string, string>
  /** How long the main process may take to open its window; default 60 s (a loaded machine). */
  timeoutMs?: number
  /** Command-line arguments after the main script (as after `electron .`). */
  args?: string[]
  /** The working directory it starts in; default this process's. */
  cwd?: string
  /** Another instance holds the single-instance lock, so this launch is the second one. */
  lockHeld?: boolean
}

/** How a booted main process ended. */
export interface Ending {
  code: number | null
  signal: NodeJS.Signals | null
  /** What ended it: the window closed, `app.quit()`, a kill after it did neither, or it had already ended. */
  by: 'window-closed' | 'quit' | 'killed' | 'already-ended'
}

/** The real main process, running under the stand-in, with its window open. */
export interface BootedMain {
  dataDir: string
  /** Everything the main process asked of Electron so far. */
  snapshot(): Promise<StubSnapshot>
  /** A contract request, as the preload sends it (`ipcRenderer.invoke('lab:<name>', input)`). */
  request(name: string, input: unknown, from?: Sender): Promise<unknown>
  /** Any IPC invoke on `channel`. */
  invoke(channel: string, args: unknown[], from?: Sender): Promise<unknown>
  /** A page starts navigating (or is redirected) to `url`: did the main process prevent it? */
  navigate(url: string, options?: { target?: Target; redirect?: boolean }): Promise<{ prevented: boolean }>
  /** `window.open(url)`: what the window-open handler decided. */
  openWindow(url: string, options?: { target?: Target }): Promise<{ action: string }>
  /** A page asks for a permission: granted? */
  requestPermission(permission: string): Promise<boolean>
  /** Chromium checks a permission: allowed? */
  checkPermission(permission: string, origin?: string): Promise<boolean>
  /** A response for `url` arrives: its headers after the session's listener (null: cancelled). */
  receiveHeaders(url: string, headers?: Record<string, string[]>): Promise<Record<string, string[]> | null>
  /** Clicks an application-menu item by its labels. */
  clickMenu(labels: string[]): Promise<void>
  /** Queues the user's answer to the next dialog of `kind` (showOpenDialog, showSaveDialog, ...). */
  answerDialog(kind: string, answer: unknown): Promise<void>
  /** A second launch hands over its argv, working directory and additional data. */
  secondInstance(argv: string[], workingDirectory: string, data: unknown): Promise<void>
  /** macOS's open-file event: was the default prevented (the app took the file)? */
  openFile(path: string): Promise<{ prevented: boolean }>
  /** The user minimizes the window. */
  minimize(): Promise<void>
  /** Calls `listener` with every push to a renderer from now on; returns the unsubscribe. */
  onSent(listener: (sent: StubSent) => void): () => void
  /** What the main process printed (stdout and stderr). */
  output(): string
  /** Resolves when the main process has ended by itself (within 10 s, else rejects). */
  ended(): Promise<{ code: number | null; signal: NodeJS.Signals | null }>
  /** Closes the window as a user would; quits, then kills, if the app does not end by itself. */
  close(): Promise<Ending>
}

/**
 * Starts a main script (the built bundle by default) in a child Node process under the
 * stand-in `electron` module and resolves once its first window has started loading. Rejects,
 * with what the process printed, when it exits or hangs before that.
 */
export async function bootMain(options: BootOptions = {}): Promise<BootedMain> {
  const { child, dataDir, exited, printed } = startMain(options)
  try {
    await whenLoaded(child, exited, printed, options.timeoutMs ?? 60_000)
  } catch (e) {
    child.kill('SIGKILL')
    throw e
  }
  return connect(child, exited, dataDir, printed)
}

function startMain(options: BootOptions) {
  const main = options.main ?? BUILT_MAIN
  if (!existsSync(main)) throw new Error(`${main} does not exist: run "npm run build" first`)
  const dataDir = options.dataDir ?? mkdtempSync(join(tmpdir(), 'pacific-lab-boot-'))
  const env: Record<string, string | undefined> = { ...process.env, PACIFIC_LAB_DATA_DIR: dataDir }
  // Nothing of the caller's decides what the main process loads, except what the test says.
  delete env['ELECTRON_RENDERER_URL']
  delete env['PACIFIC_LAB_SQLITE_BINDING']
  delete env['PACIFIC_LAB_STUB_LOCK']
  if (options.lockHeld) env['PACIFIC_LAB_STUB_LOCK'] = 'held'
  const child = fork(main, options.args ?? [], {
    execArgv: ['--import', REGISTER],
    env: { ...env, ...options.env },
    stdio: ['ignore', 'pipe', 'pipe', 'ipc'],
    serialization: 'advanced',
    ...(options.cwd ? { cwd: options.cwd } : {}),
  })
  let output = ''
  child.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()))
  child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()))
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
    child.once('exit', (code, signal) => resolve({ code, signal })),
  )
  return { child, dataDir, exited, printed: () => output }
}

/** How a launch that quit by itself ended, and what it did before. */
export interface QuitLaunch {
  code: number | null
  /** The record at the moment it quit (null when it ended without quitting through the app). */
  snapshot: StubSnapshot | null
  output: string
}

/**
 * Starts a main script that is expected to quit on its own (a second instance hands over its
 * lab and quits before any window), and resolves once it has ended.
 */
export async function launchUntilQuit(options: BootOptions = {}): Promise<QuitLaunch> {
  const { child, exited, printed } = startMain(options)
  let snapshot: StubSnapshot | null = null
  child.on('message', (m: { type?: string; snapshot?: StubSnapshot }) => {
    if (m.type === 'quit' && m.snapshot) snapshot = m.snapshot
  })
  const timer = setTimeout(() => child.kill('SIGKILL'), options.timeoutMs ?? 60_000)
  const { code } = await exited
  clearTimeout(timer)
  return { code, snapshot, output: printed() }
}

function whenLoaded(
  child: ChildProcess,
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>,
  printed: () => string,
  timeoutMs: number,
): Promise<void> {
  return new Promise<void>((resolve, reject) => {
    const timer = setTimeout(
      () =>
        reject(new Error(`the main process opened no window in ${timeoutMs} ms; it printed:\n${printed()}`)),
      timeoutMs,
    )
    child.on('message', (m: { type?: string }) => {
      if (m.type !== 'loaded') return
      clearTimeout(timer)
      resolve()
    })
    void exited.then(({ code, signal }) => {
      clearTimeout(timer)
      reject(
        new Error(
          `the main process exited (${signal ?? `code ${code}`}) before opening its window; it printed:\n${printed()}`,
        ),
      )
    })
  })
}

function connect(
  child: ChildProcess,
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>,
  dataDir: string,
  printed: () => string,
): BootedMain {
  let nextId = 1
  const pending = new Map<number, { resolve(v: unknown): void; reject(e: Error): void }>()
  const sentListeners = new Set<(sent: StubSent) => void>()
  child.on(
    'message',
    (m: { type?: string; id?: number; ok?: boolean; value?: unknown; error?: string; sent?: StubSent }) => {
      if (m.type === 'sent' && m.sent) for (const l of sentListeners) l(m.sent)
      if (m.type !== 'reply' || m.id === undefined) return
      const waiting = pending.get(m.id)
      pending.delete(m.id)
      if (m.ok) waiting?.resolve(m.value)
      else waiting?.reject(new Error(m.error))
    },
  )
  void exited.then(({ code, signal }) => {
    for (const waiting of pending.values())
      waiting.reject(
        new Error(`the main process ended (${signal ?? `code ${code}`}); it printed:\n${printed()}`),
      )
    pending.clear()
  })
  const act = <T>(action: string, ...args: unknown[]) =>
    new Promise<T>((resolve, reject) => {
      if (child.exitCode !== null || child.signalCode !== null)
        return reject(new Error(`the main process has ended; it printed:\n${printed()}`))
      const id = nextId++
      pending.set(id, { resolve, reject })
      child.send({ type: 'act', id, action, args })
    })
  const endsWithin = (ms: number) =>
    Promise.race([exited, new Promise<null>((resolve) => setTimeout(() => resolve(null), ms).unref())])
  return {
    dataDir,
    snapshot: () => act<StubSnapshot>('snapshot'),
    request: (name, input, from = 'main-frame') => act('invoke', channelOf(name), [input], { from }),
    invoke: (channel, args, from = 'main-frame') => act('invoke', channel, args, { from }),
    navigate: (url, options = {}) => act('navigate', url, options),
    openWindow: (url, options = {}) => act('openWindow', url, options),
    requestPermission: (permission) => act('requestPermission', permission),
    checkPermission: (permission, origin) => act('checkPermission', permission, origin ? { origin } : {}),
    receiveHeaders: (url, headers = {}) => act('receiveHeaders', url, headers),
    clickMenu: (labels) => act('clickMenu', labels),
    answerDialog: (kind, answer) => act('answerDialog', kind, answer),
    secondInstance: (argv, workingDirectory, data) => act('secondInstance', argv, workingDirectory, data),
    openFile: (path) => act('openFile', path),
    minimize: () => act('minimize', 0),
    onSent(listener) {
      sentListeners.add(listener)
      return () => sentListeners.delete(listener)
    },
    output: printed,
    async ended() {
      const ending = await endsWithin(10_000)
      if (!ending) throw new Error(`the main process did not end in 10 s; it printed:\n${printed()}`)
      return ending
    },
    async close() {
      if (child.exitCode !== null || child.signalCode !== null)
        return { ...(await exited), by: 'already-ended' }
      await act('closeWindow', 0).catch(() => undefined)
      const closed = await endsWithin(10_000)
      if (closed) return { ...closed, by: 'window-closed' }
      await act('quit').catch(() => undefined)
      const quit = await endsWithin(10_000)
      if (quit) return { ...quit, by: 'quit' }
      child.kill('SIGKILL')
      return { ...(await exited), by: 'killed' }
    },
  }
}
