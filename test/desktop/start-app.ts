import { spawn } from 'node:child_process'

import { ROOT } from '../electron-stub/boot'

/** `npm start` (scripts/start.mjs) running in its own process group, with what it printed. */
export interface StartedApp {
  stdout(): string
  stderr(): string
  /** The serve address once printed; rejects when it exits first or prints none in time. */
  address(): Promise<string>
  /** Its exit code once it ends by itself (the Electron path ends when the window closes). */
  exited(): Promise<number | null>
  /** Ends it and everything it started (the server, the browser opener). */
  stop(): Promise<void>
}

/** Runs `npm start` as a user would, with `env` changed (a value of undefined removes a variable). */
export function startApp(env: Record<string, string | undefined>, timeoutMs = 150_000): StartedApp {
  const merged: Record<string, string | undefined> = { ...process.env, ...env }
  for (const [key, value] of Object.entries(merged)) if (value === undefined) delete merged[key]
  const child = spawn(process.execPath, ['scripts/start.mjs'], {
    cwd: ROOT,
    env: merged,
    stdio: ['ignore', 'pipe', 'pipe'],
    detached: true,
  })
  let out = ''
  let err = ''
  child.stdout.on('data', (chunk: Buffer) => (out += chunk.toString()))
  child.stderr.on('data', (chunk: Buffer) => (err += chunk.toString()))
  const exit = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)))
  const killGroup = (signal: NodeJS.Signals) => {
    try {
      if (child.pid) process.kill(-child.pid, signal)
    } catch {
      // the group has ended already
    }
  }
  const deadline = setTimeout(() => killGroup('SIGKILL'), timeoutMs)
  void exit.then(() => clearTimeout(deadline))
  const printed = () => `stdout:\n${out}\nstderr:\n${err}`
  return {
    stdout: () => out,
    stderr: () => err,
    exited: () => exit,
    address: () =>
      new Promise<string>((resolve, reject) => {
        const look = () => /^Pacific Lab serving at (\S+)$/m.exec(out)?.[1]
        const onData = () => {
          const found = look()
          if (found) {
            child.stdout.off('data', onData)
            resolve(found)
          }
        }
        child.stdout.on('data', onData)
        onData()
        void exit.then((code) =>
          reject(new Error(`npm start exited (${code}) with no address; ${printed()}`)),
        )
      }),
    async stop() {
      // As a user's kill: npm start passes it on to the server, which closes the lab cleanly.
      child.kill('SIGTERM')
      const ended = await Promise.race([
        exit.then(() => true),
        new Promise((r) => setTimeout(r, 10_000, false)),
      ])
      if (!ended) killGroup('SIGKILL')
      await exit
      // The server is its child, in the same group: make sure nothing of it is left.
      killGroup('SIGKILL')
    },
  }
}
