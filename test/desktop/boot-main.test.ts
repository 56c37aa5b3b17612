import { copyFileSync, existsSync, mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { basename, join } from 'node:path'

import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { electronBuild, nodeBuild } from '../../scripts/native.mjs'
import { CONTENT_SECURITY_POLICY } from '../../src/node/csp'
import { loadDemoLab } from '../../src/node/demo-lab'
import { channelOf, EVENT_CHANNEL } from '../../src/shared/contract/channels'
import { REQUEST_NAMES } from '../../src/shared/contract/contract'
import { bootMain, ROOT, type BootedMain } from '../electron-stub/boot'
import { runPreload } from '../electron-stub/preload'
import type { StubSent, StubSnapshot } from '../electron-stub/types'

const demo = loadDemoLab()

describe('the built main process, booted under the stand-in Electron', () => {
  let booted: BootedMain
  let snapshot: StubSnapshot

  beforeAll(async () => {
    booted = await bootMain()
    snapshot = await booted.snapshot()
  })
  afterAll(async () => {
    await booted?.close()
  })

  it('opens one window with context isolation, the sandbox, no Node integration and the built preload', () => {
    expect(snapshot.windows).toHaveLength(1)
    const prefs = snapshot.windows[0]?.options.webPreferences
    expect(prefs).toMatchObject({ contextIsolation: true, sandbox: true, nodeIntegration: false })
    expect(prefs?.webSecurity).not.toBe(false)
    expect(prefs?.preload).toBe(join(ROOT, 'out', 'preload', 'index.cjs'))
    expect(existsSync(prefs?.preload ?? '')).toBe(true)
  })

  it('keeps its window options exactly: size, title, background and the hardened web preferences', () => {
    expect(snapshot.windows[0]?.options).toEqual({
      width: 1440,
      height: 900,
      show: false,
      title: 'Pacific Lab',
      backgroundColor: '#0f172a',
      webPreferences: {
        preload: join(ROOT, 'out', 'preload', 'index.cjs'),
        contextIsolation: true,
        sandbox: true,
        nodeIntegration: false,
        webSecurity: true,
        spellcheck: false,
      },
    })
  })

  it('loads the built renderer from its file and shows the window when it is ready', () => {
    const renderer = join(ROOT, 'out', 'renderer', 'index.html')
    expect(snapshot.windows[0]).toMatchObject({ loaded: { file: renderer }, shown: true })
    expect(existsSync(renderer)).toBe(true)
  })

  it('prevents every navigation and redirect, in its window and in any other page', async () => {
    for (const target of [0, 'other-contents'] as const) {
      expect(await booted.navigate('https://example.com/', { target })).toEqual({ prevented: true })
      expect(await booted.navigate('file:///etc/passwd', { target })).toEqual({ prevented: true })
      expect(await booted.navigate('https://example.com/', { target, redirect: true })).toEqual({
        prevented: true,
      })
    }
  })

  it('denies every new window, and opens only allow-listed links in the browser', async () => {
    const asked = [
      'https://example.com/phish',
      'https://github.com.evil.example/',
      'javascript:alert(1)',
      'https://github.com/vmware-tanzu',
    ]
    for (const url of asked) {
      expect(await booted.openWindow(url)).toEqual({ action: 'deny' })
      expect(await booted.openWindow(url, { target: 'other-contents' })).toEqual({ action: 'deny' })
    }
    expect((await booted.snapshot()).openedExternally).toEqual([
      'https://github.com/vmware-tanzu',
      'https://github.com/vmware-tanzu',
    ])
  })

  it('denies every permission a page requests or Chromium checks', async () => {
    for (const permission of ['media', 'geolocation', 'notifications', 'clipboard-read', 'openExternal']) {
      expect(await booted.requestPermission(permission)).toBe(false)
      expect(await booted.checkPermission(permission)).toBe(false)
    }
  })

  it('puts the Content Security Policy on every response; scripts only from the app itself', async () => {
    const renderer = `file://${join(ROOT, 'out', 'renderer', 'index.html')}`
    const headers = await booted.receiveHeaders(renderer, { 'Content-Type': ['text/html'] })
    expect(headers).toEqual({
      'Content-Type': ['text/html'],
      'Content-Security-Policy': [CONTENT_SECURITY_POLICY],
    })
    const scriptSrc = CONTENT_SECURITY_POLICY.split('; ').find((d) => d.startsWith('script-src'))
    expect(scriptSrc).toBe("script-src 'self'")
  })

  it('registers a handler for every contract request, and for nothing else', () => {
    expect([...snapshot.ipcHandlers].sort()).toEqual(REQUEST_NAMES.map(channelOf).sort())
    expect(snapshot.ipcListeners).toEqual([])
  })

  it("answers its window's main frame with the lab: the app info and the demo lab", async () => {
    expect(await booted.request('getAppInfo', {})).toMatchObject({
      ok: true,
      value: { name: 'Pacific Lab', shell: 'electron' },
    })
    const topology = (await booted.request('getTopology', {})) as {
      ok: boolean
      value: { name: string; topology: { nodes: { name: string }[] } }
    }
    expect(topology.ok).toBe(true)
    expect(topology.value.name).toBe(demo.name)
    expect(topology.value.topology.nodes.map((n) => n.name).sort()).toEqual(
      demo.topology.nodes.map((n) => n.name).sort(),
    )
  })

  it('refuses every request from a frame inside its window or from another page', async () => {
    for (const from of ['subframe', 'other-contents'] as const)
      for (const name of REQUEST_NAMES)
        expect({ name, from, answer: await booted.request(name, {}, from) }).toEqual({
          name,
          from,
          answer: { ok: false, error: { code: 'forbidden-sender', message: expect.any(String) as string } },
        })
  })

  it('pushes lab changes to its window', async () => {
    const sent: StubSent[] = []
    const off = booted.onSent((s) => sent.push(s))
    expect(await booted.request('openDemoLab', {})).toMatchObject({ ok: true })
    off()
    expect(sent.map((s) => [s.channel, (s.args[0] as { name?: string }).name])).toContainEqual([
      EVENT_CHANNEL,
      'labChanged',
    ])
  })

  it('answers window.lab from the built preload, end to end through the main process', async () => {
    const preload = runPreload(join(ROOT, 'out', 'preload', 'index.cjs'), (channel, args) =>
      booted.invoke(channel, args, 'main-frame'),
    )
    const lab = preload.exposed['lab'] as { invoke(method: string, input: unknown): Promise<unknown> }
    expect(await lab.invoke('getAppInfo', {})).toMatchObject({ ok: true, value: { shell: 'electron' } })
    expect(await lab.invoke('noSuchRequest', {})).toMatchObject({
      ok: false,
      error: {
        code: 'unknown-method',
        message: expect.stringContaining("No handler registered for 'lab:noSuchRequest'") as string,
      },
    })
  })

  it("loads the package's own build of better-sqlite3 when nothing names another (as under Node)", () => {
    expect(snapshot.nativeModules).toEqual([nodeBuild()])
  })

  it('keeps its data in the data folder it is given (here a temporary one)', () => {
    expect(existsSync(join(booted.dataDir, 'settings.sqlite'))).toBe(true)
    expect(existsSync(join(booted.dataDir, 'demo.pacificlab'))).toBe(true)
  })

  it('quits when its window closes, closing the lab file cleanly', async () => {
    expect(await booted.close()).toEqual({ code: 0, signal: null, by: 'window-closed' })
    expect(existsSync(join(booted.dataDir, 'demo.pacificlab-wal'))).toBe(false)
  })
})

describe('the better-sqlite3 build of the main process', () => {
  it('is the one PACIFIC_LAB_SQLITE_BINDING names (npm start names the Electron build there)', async () => {
    // Under Electron it is node_modules/.pacific-lab/better_sqlite3-electron-<version>.node, which
    // only npm start can build (it needs the runtime and Electron's headers); here a copy of the
    // Node build stands in for it, since this main process runs on Node.
    const binding = join(mkdtempSync(join(tmpdir(), 'pacific-lab-binding-')), basename(electronBuild()))
    copyFileSync(nodeBuild(), binding)
    const booted = await bootMain({ env: { PACIFIC_LAB_SQLITE_BINDING: binding } })
    try {
      expect((await booted.snapshot()).nativeModules).toEqual([binding])
      expect(await booted.request('getAppInfo', {})).toMatchObject({ ok: true })
    } finally {
      await booted.close()
    }
  })
})
