import { readFile } from 'node:fs/promises'
import { createServer, type Server } from 'node:http'
import { extname, join, normalize } from 'node:path'

import type { Page } from '@playwright/test'

import { channelOf, EVENT_CHANNEL } from '../../src/shared/contract/channels'
import { ROOT, type BootedMain } from '../electron-stub/boot'

/** The built renderer, as Electron's window loads it (`loadFile(out/renderer/index.html)`). */
export const BUILT_RENDERER = join(ROOT, 'out', 'renderer')

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript',
  '.css': 'text/css',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.woff2': 'font/woff2',
  '.json': 'application/json',
}

/**
 * Serves out/renderer on 127.0.0.1. Electron loads it from file://, where its own protocol
 * allows module scripts and workers; Chromium refuses both from file:// pages, so the test
 * browser reads the same files over HTTP instead. Nothing else is served (no API: requests
 * go to the main process through `window.lab`).
 */
export async function serveRenderer(): Promise<{ url: string; close(): Promise<void> }> {
  const server: Server = createServer((req, res) => {
    const path = normalize(decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname))
    const file = join(BUILT_RENDERER, path === '/' ? 'index.html' : path)
    if (!file.startsWith(BUILT_RENDERER)) return void res.writeHead(403).end()
    readFile(file).then(
      (body) =>
        res.writeHead(200, { 'content-type': TYPES[extname(file)] ?? 'application/octet-stream' }).end(body),
      () => res.writeHead(404).end(),
    )
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const address = server.address()
  const port = typeof address === 'object' && address ? address.port : 0
  return {
    url: `http://127.0.0.1:${port}/index.html`,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  }
}

/**
 * Makes `page` the booted main process's window, as the preload would: `window.lab.invoke`
 * is `ipcRenderer.invoke('lab:<method>')` from the window's main frame, through the main
 * process's own handlers, and what the main process sends on `lab:event` reaches the page's
 * `onEvent` listeners in order. Call before the page loads.
 */
export async function actAsWindow(page: Page, booted: BootedMain): Promise<() => void> {
  await page.exposeFunction('__labInvoke', (method: string, input: unknown) =>
    booted.invoke(channelOf(method), [input], 'main-frame'),
  )
  await page.addInitScript(() => {
    type Listener = (event: unknown) => void
    const listeners = new Set<Listener>()
    const scope = globalThis as unknown as {
      lab: unknown
      __labPush: (event: unknown) => void
      __labInvoke: (method: string, input: unknown) => Promise<unknown>
    }
    scope.__labPush = (event) => {
      for (const listener of listeners) listener(event)
    }
    scope.lab = {
      invoke: (method: string, input: unknown) => scope.__labInvoke(method, input),
      onEvent(listener: Listener) {
        listeners.add(listener)
        return () => listeners.delete(listener)
      },
    }
  })
  let delivered: Promise<unknown> = Promise.resolve()
  return booted.onSent((sent) => {
    if (sent.channel !== EVENT_CHANNEL) return
    delivered = delivered
      .then(() =>
        page.evaluate(
          (event) => (globalThis as unknown as { __labPush?: (e: unknown) => void }).__labPush?.(event),
          sent.args[0],
        ),
      )
      // A push before the page has loaded (or after it closed) reaches no one; the page reads the whole lab at start.
      .catch(() => undefined)
  })
}
