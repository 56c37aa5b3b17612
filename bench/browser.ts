import { execFileSync } from 'node:child_process'
import { existsSync } from 'node:fs'

import { chromium, type Browser } from '@playwright/test'

// @ts-expect-error: a plain .mjs helper shared with the scripts, without type declarations
import { findChromium } from '../scripts/find-chromium.mjs'

/** The built renderer the browser benchmarks serve; built once when missing. */
export const RENDERER = 'out/renderer'

export function ensureRendererBuilt() {
  if (!existsSync(`${RENDERER}/index.html`))
    execFileSync('npx', ['electron-vite', 'build'], { stdio: 'ignore' })
}

/**
 * The benchmark page (bench/page): the product app on a generated lab through an in-memory
 * client, and a plain React Flow canvas to compare with. Built here only, never shipped.
 */
export const BENCH_PAGE = 'out/bench-page'

export function ensureBenchPageBuilt() {
  if (!existsSync(`${BENCH_PAGE}/index.html`))
    execFileSync('npx', ['vite', 'build', '--config', 'bench/page.vite.config.ts'], { stdio: 'ignore' })
}

/** Headless Chromium found as the end-to-end tests find it. */
export function launchChromium(): Promise<Browser> {
  const executablePath = (findChromium as () => string)()
  return chromium.launch({ executablePath, args: ['--no-sandbox', '--disable-gpu'] })
}

// Page scripts as strings: the benchmarks are compiled without the DOM library.
/** Starts counting animation frames in the page. */
export const START_COUNTING = `(() => {
  window.benchFrames = 0
  window.benchStop = false
  const tick = () => { window.benchFrames++; if (!window.benchStop) requestAnimationFrame(tick) }
  requestAnimationFrame(tick)
})()`
/** Stops counting and returns the frames counted. */
export const STOP_COUNTING = `(() => { window.benchStop = true; return window.benchFrames })()`
