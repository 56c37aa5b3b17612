import { spawnSync } from 'node:child_process'

import { describe, expect, it } from 'vitest'

import pkg from '../../package.json'

const cli = (...args: string[]) =>
  spawnSync(process.execPath, ['bin/pacific-lab.js', ...args], { encoding: 'utf8' })

describe('pacific-lab CLI', () => {
  it('prints its version', () => {
    const r = cli('--version')
    expect(r.status).toBe(0)
    expect(r.stdout.trim()).toBe(pkg.version)
  })
  it('lists its commands in --help', () => {
    const r = cli('--help')
    expect(r.status).toBe(0)
    expect(r.stdout).toMatch(/^ {2}serve +Serve the app to a browser/m)
  })
  it('names the problem and exits 2 on bad input', () => {
    const unknown = cli('frobnicate')
    expect(unknown.status).toBe(2)
    expect(unknown.stderr).toContain('unknown command "frobnicate"')
    const port = cli('serve', '--port', '99999')
    expect(port.status).toBe(2)
    expect(port.stderr).toContain('--port must be a whole number from 0 to 65535')
  })
})
