import { spawn } from 'node:child_process'
import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'

import { describe, expect, it } from 'vitest'

import { ROOT } from '../electron-stub/boot'

describe('npm run serve', () => {
  it('prints nothing before the address: the build is quiet when it succeeds', async () => {
    const child = spawn(process.execPath, ['scripts/serve.mjs', '--port', '0', 'demo'], {
      cwd: ROOT,
      env: { ...process.env, PACIFIC_LAB_DATA_DIR: mkdtempSync(join(tmpdir(), 'pl-serve-script-')) },
      stdio: ['ignore', 'pipe', 'pipe'],
      detached: true,
    })
    let out = ''
    let err = ''
    child.stderr.on('data', (chunk: Buffer) => (err += chunk.toString()))
    const exited = new Promise<number | null>((resolve) => child.once('exit', resolve))
    try {
      const printed = await new Promise<{ out: string; err: string }>((resolve, reject) => {
        child.stdout.on('data', (chunk: Buffer) => {
          out += chunk.toString()
          if (out.includes('\n')) resolve({ out, err })
        })
        void exited.then((code) =>
          reject(new Error(`serve exited (${code}) with no address:\n${out}\n${err}`)),
        )
      })
      expect(printed.err).toBe('')
      expect(printed.out).toMatch(/^Pacific Lab serving at http:\/\/127\.0\.0\.1:\d+\/\?token=\w+\n$/)
    } finally {
      if (child.pid && child.exitCode === null) process.kill(-child.pid, 'SIGTERM')
      await exited
    }
  })
})
