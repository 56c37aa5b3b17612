import { execFileSync } from 'node:child_process'
import { existsSync, readdirSync, statSync } from 'node:fs'
import { join } from 'node:path'

import { chromium, type Browser } from '@playwright/test'

// @ts-expect-error: a plain .mjs helper shared with the scripts, without type declarations
import { findChromium } from '../scripts/find-chromium.mjs'

/** Newest modification time of a file under these folders. */
function newest(dirs: string[]): number {
  let latest = 0
  for (const dir of dirs)
    for (const entry of readdirSync(dir, { recursive: true, withFileTypes: true }))
      if (entry.isFile()) latest = Math.max(latest, statSync(join(entry.parentPath, entry.name)).mtimeMs)
  return latest
}

/** A build is stale when missing or older than a source: after a merge, the bench must not measure the old app. */
function stale(built: string, sources: string[]): boolean {
  return !existsSync(built) || statSync(built).mtimeMs < newest(sources)
}

/** The built renderer the browser benchmarks serve; built again when missing or stale. */
export const RENDERER = 'out/renderer'

export function ensureRendererBuilt() {
  if (stale(`${RENDERER}/index.html`, ['src']))
    execFileSync('npx', ['electron-vite', 'build'], { stdio: 'ignore' })
}

/**
 * The benchmark page (bench/page): the product app on a generated lab through an in-memory
 * client, and a plain React Flow canvas to compare with. Built here only, never shipped.
 */
export const BENCH_PAGE = 'out/bench-page'

export function ensureBenchPageBuilt() {
  if (stale(`${BENCH_PAGE}/index.html`, ['src', 'bench/page']))
    execFileSync('npx', ['vite', 'build', '--config', 'bench/page.vite.config.ts'], { stdio: 'ignore' })
}

/** Headless Chromium found as the end-to-end tests find it. */
export function launchChromium(): Promise<Browser> {
  const executablePath = (findChromium as () => string)()
  return chromium.launch({ executablePath, args: ['--no-sandbox', '--disable-gpu'] })
}

// Page scripts as strings: the benchmarks are compiled without the DOM library.
/**
 * Starts counting animation frames in the page. Each count has its own loop: a loop left from
 * the count before (stopped, but waiting for its next frame) ends instead of counting twice.
 */
export const START_COUNTING = `(() => {
  const count = (window.benchCount = (window.benchCount || 0) + 1)
  window.benchFrames = 0
  window.benchStop = false
  const tick = () => {
    if (window.benchCount !== count) return
    window.benchFrames++
    if (!window.benchStop) requestAnimationFrame(tick)
  }
  requestAnimationFrame(tick)
})()`
/** Stops counting and returns the frames counted. */
export const STOP_COUNTING = `(() => { window.benchStop = true; return window.benchFrames })()`
