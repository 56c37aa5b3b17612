import { spawn, type ChildProcess } from 'node:child_process'
import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'

import { test as base } from '@playwright/test'

export interface ServedLab {
  /** The exact line the server printed. */
  line: string
  /** http://127.0.0.1:PORT/?token=TOKEN */
  url: string
  origin: string
  token: string
  dataDir: string
}

/** Starts `pacific-lab serve` as a user would, with a fresh data folder, and stops it after. */
export async function startServe(
  args: string[] = [],
): Promise<{ lab: ServedLab; child: ChildProcess; output: () => string }> {
  const dataDir = mkdtempSync(join(tmpdir(), 'pacific-lab-e2e-'))
  const child = spawn(process.execPath, ['bin/pacific-lab.js', 'serve', '--port', '0', ...args], {
    env: { ...process.env, PACIFIC_LAB_DATA_DIR: dataDir },
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  let stdout = ''
  let stderr = ''
  child.stderr?.on('data', (chunk: Buffer) => (stderr += chunk.toString()))
  const line = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(
      () => reject(new Error(`serve printed no address in 60 s; stderr: ${stderr}`)),
      60_000,
    )
    child.stdout?.on('data', (chunk: Buffer) => {
      stdout += chunk.toString()
      const newline = stdout.indexOf('\n')
      if (newline >= 0) {
        clearTimeout(timer)
        resolve(stdout.slice(0, newline))
      }
    })
    child.once('exit', (code) => reject(new Error(`serve exited with ${code}: ${stderr}`)))
  })
  const match = /^Pacific Lab serving at (http:\/\/127\.0\.0\.1:(\d+))\/\?token=([0-9a-f]+)$/.exec(line)
  if (!match) throw new Error(`unexpected serve line: ${line}`)
  const lab: ServedLab = {
    line,
    url: `${match[1]}/?token=${match[3]}`,
    origin: match[1] ?? '',
    token: match[3] ?? '',
    dataDir,
  }
  return { lab, child, output: () => stdout }
}

export const test = base.extend<{ served: ServedLab }>({
  // Playwright reads fixture dependencies from this destructuring pattern; this one has none.
  // eslint-disable-next-line no-empty-pattern
  served: async ({}, use) => {
    const { lab, child } = await startServe()
    await use(lab)
    child.kill('SIGTERM')
  },
})

export { expect } from '@playwright/test'
