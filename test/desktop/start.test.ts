import { copyFileSync, existsSync, mkdtempSync, readFileSync, writeFileSync, chmodSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { basename, join } from 'node:path'

import { afterEach, describe, expect, it } from 'vitest'

import { electronBuild, installedElectron, nodeBuild } from '../../scripts/native.mjs'
import { BUILT_MAIN, ROOT } from '../electron-stub/boot'
import { standInElectron } from '../electron-stub/executable'
import { startApp, type StartedApp } from './start-app'

const temp = (name: string) => mkdtempSync(join(tmpdir(), `pacific-lab-${name}-`))
const WHY = 'Pacific Lab opens in your browser instead of its own window'

/** A folder with a stand-in `xdg-open` that writes down what it was asked to open. */
function fakeOpener(): { bin: string; opened(): string | null } {
  const bin = temp('bin')
  const file = join(bin, 'opened.txt')
  writeFileSync(join(bin, 'xdg-open'), `#!/bin/sh\nprintf '%s' "$1" > '${file}'\n`)
  chmodSync(join(bin, 'xdg-open'), 0o755)
  return { bin, opened: () => (existsSync(file) ? readFileSync(file, 'utf8') : null) }
}

/** The served app answers: the page, and the API with the printed token. */
async function expectServed(address: string) {
  const page = await fetch(address)
  expect(page.status).toBe(200)
  expect(await page.text()).toContain('<div id="root">')
  const url = new URL(address)
  const api = await fetch(new URL('/api/getAppInfo', url), {
    method: 'POST',
    headers: { authorization: `Bearer ${url.searchParams.get('token')}`, 'content-type': 'application/json' },
    body: '{}',
  })
  expect(await api.json()).toMatchObject({ ok: true, value: { name: 'Pacific Lab', shell: 'serve' } })
}

const until = async (check: () => boolean, ms = 10_000) => {
  for (let waited = 0; !check() && waited < ms; waited += 100) await new Promise((r) => setTimeout(r, 100))
}

describe('npm start', () => {
  let started: StartedApp | undefined
  afterEach(async () => {
    await started?.stop()
    started = undefined
  })

  it.skipIf(process.platform === 'win32')(
    'with the Electron runtime to hand, opens the window on the built main with the Electron build of better-sqlite3',
    async () => {
      const electron = standInElectron()
      const nativeDir = temp('native')
      // The stand-in runs as Node, so a copy of the Node build is the "Electron build" it can load.
      const binding = join(nativeDir, basename(electronBuild()))
      copyFileSync(nodeBuild(), binding)
      started = startApp({
        ELECTRON_OVERRIDE_DIST_PATH: electron.dist,
        PACIFIC_LAB_NATIVE_DIR: nativeDir,
        PACIFIC_LAB_DATA_DIR: temp('data'),
        DISPLAY: ':99',
      })
      expect(await started.exited(), started.stderr()).toBe(0)
      const record = electron.record()
      expect(record, `the stand-in Electron never ran; ${started.stderr()}`).not.toBeNull()
      expect(record).toMatchObject({ argv: ['.'], cwd: ROOT, main: BUILT_MAIN, mainExists: true })
      expect(record?.env['PACIFIC_LAB_SQLITE_BINDING']).toBe(binding)
      expect(record?.snapshot.nativeModules).toEqual([binding])
      expect(record?.snapshot.windows[0]).toMatchObject({
        options: { webPreferences: { sandbox: true, contextIsolation: true } },
        loaded: { file: join(ROOT, 'out', 'renderer', 'index.html') },
      })
      expect(started.stderr()).not.toContain(WHY)
      expect(started.stderr()).not.toContain('Building better-sqlite3')
    },
  )

  // Where the runtime is installed, npm start opens it instead; the Electron launch test covers that.
  it.skipIf(installedElectron() !== null || process.platform === 'win32')(
    "where Electron's runtime cannot be downloaded, serves the app, says why once and opens the browser",
    async () => {
      const opener = fakeOpener()
      started = startApp({
        PACIFIC_LAB_DATA_DIR: temp('data'),
        DISPLAY: ':99',
        PATH: `${opener.bin}:${process.env['PATH']}`,
        // Electron's own installer runs and fails as it does offline, even on a machine online.
        ELECTRON_MIRROR: 'http://127.0.0.1:9/',
        electron_config_cache: temp('electron-cache'),
      })
      const address = await started.address()
      await expectServed(address)
      await until(() => opener.opened() !== null)
      expect(opener.opened()).toBe(address)
      expect(started.stderr().split(WHY)).toHaveLength(2)
      expect(started.stderr()).toMatch(/the Electron runtime could not be downloaded \(.+\)\./)
      expect(started.stderr()).toContain('Opening it in your browser (xdg-open)')
    },
  )

  it.skipIf(process.platform !== 'linux')(
    'without a display (as on these machines), serves the app and prints its address, opening no browser',
    async () => {
      const opener = fakeOpener()
      started = startApp({
        PACIFIC_LAB_DATA_DIR: temp('data'),
        DISPLAY: undefined,
        WAYLAND_DISPLAY: undefined,
        PATH: `${opener.bin}:${process.env['PATH']}`,
      })
      const address = await started.address()
      await expectServed(address)
      expect(started.stderr()).toContain(`${WHY}: there is no graphical display here`)
      expect(started.stderr()).toContain('Open the address above in a browser.')
      expect(opener.opened()).toBeNull()
    },
  )
})
