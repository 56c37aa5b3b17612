import type { Page } from '@playwright/test'

import { generateLargeLab } from '../src/shared/domain/large-lab'
import { ensureRendererBuilt, launchChromium, START_COUNTING, STOP_COUNTING } from './browser'
import { median } from './canvas-measure'
import { round, type Benchmark } from './harness'
import { serveLab } from './serve-lab'

const PLAY_MS = 4000
/** Provisions of each lab for the first-step figure, in turns (the large one's are cancelled but the last's). */
const FIRST_STEP_TURNS = 3
const SEEKS = [0.5, 0.1, 0.9, 0.3, 0.7, 0.2, 0.8, 0.4, 0.6]

// Page scripts as strings: this file is compiled without the DOM library.
/** Presses the timeline at a fraction of its width and resolves with the time to the frame after
 * the new step is on screen (the step counter and the canvas commit in the same React render). */
const seekScript = (fraction: number) => `new Promise((resolve) => {
  const bar = document.querySelector('[data-testid="timeline"]')
  const counter = document.querySelector('[data-testid="current-step"]')
  const before = counter.getAttribute('data-seq')
  const box = bar.getBoundingClientRect()
  const t0 = performance.now()
  bar.dispatchEvent(new MouseEvent('mousedown', { bubbles: true, clientX: box.left + box.width * ${fraction}, clientY: box.top + 4, buttons: 1 }))
  const check = () => {
    if (counter.getAttribute('data-seq') !== before) requestAnimationFrame(() => resolve(performance.now() - t0))
    else requestAnimationFrame(check)
  }
  check()
})`

/** Presses Provision and resolves with the time until step 1 is in the event list (the frame after). */
const firstStepScript = `new Promise((resolve) => {
  const t0 = performance.now()
  document.querySelector('[data-testid="provision"]').click()
  const check = () => {
    if (document.querySelector('[data-testid="event-row"][data-seq="1"]')) requestAnimationFrame(() => resolve(performance.now() - t0))
    else requestAnimationFrame(check)
  }
  check()
})`

/** Provision to step 1 on screen; `cancel` stops the run there, else it waits until it is stored. */
async function firstStepMs(page: Page, cancel: boolean): Promise<number> {
  await page.locator('[data-testid="provision"]:enabled').waitFor()
  const ms = await page.evaluate<number>(firstStepScript)
  if (cancel && (await page.getByTestId('cancel-run').count()) > 0)
    await page.getByTestId('cancel-run').click()
  await page.getByTestId('run-progress').waitFor({ state: 'detached' })
  return ms
}

/**
 * Playback of the 10,000-PodVM lab (64 hosts, 50 namespaces) in headless Chromium: Provision to
 * step 1 on screen beside the demo lab's (pages side by side in one browser, in turns; the first
 * large run is cancelled once step 1 shows), to the run planned, stored and every step loaded, frames per second
 * while playing at 64x, and the time from a timeline click to the canvas showing that step.
 */
export const playbackBenchmark: Benchmark = {
  name: 'playback',
  async run() {
    ensureRendererBuilt()
    const large = generateLargeLab({ hosts: 64, namespaces: 50, pods: 10_000 }).topology
    const demoServer = await serveLab()
    const server = await serveLab(large, 'Open the 10,000-pod lab')
    const browser = await launchChromium()
    try {
      const open = async (url: string) => {
        const page = await browser.newPage({ viewport: { width: 1440, height: 900 } })
        page.setDefaultTimeout(600_000)
        await page.goto(url)
        await page.getByTestId('app-ready').waitFor()
        return page
      }
      // A fresh page each turn: no run open, so step 1 on screen is the new run's.
      const demoMs: number[] = []
      const largeMs: number[] = []
      let provisionMs = 0
      let page: Page | null = null
      for (let turn = 0; turn < FIRST_STEP_TURNS; turn++) {
        const demoPage = await open(demoServer.url)
        demoMs.push(await firstStepMs(demoPage, false))
        await demoPage.close()
        await page?.close()
        page = await open(server.url)
        const last = turn === FIRST_STEP_TURNS - 1
        const t0 = Date.now()
        largeMs.push(await firstStepMs(page, !last))
        if (!last) continue
        // As on main before streaming: played and sought once every step is in the page.
        await page.locator('[data-testid="timeline"][data-loading="false"]').waitFor()
        provisionMs = Date.now() - t0
      }
      if (!page) throw new Error('no turns')
      const steps = Number(/\/ (\d+)/.exec(await page.getByTestId('current-step').innerText())?.[1] ?? 0)
      const fps = await playFps(page)
      const seeks: number[] = []
      for (const f of SEEKS) seeks.push(await page.evaluate<number>(seekScript(f)))
      seeks.sort((a, b) => a - b)
      return {
        steps,
        provisionAndLoadMs: round(provisionMs, 0),
        provisionFirstStepsMs: round(median(largeMs), 0),
        firstStepDemoMs: round(median(demoMs), 0),
        firstStep10kRatio: round(median(largeMs) / median(demoMs), 2),
        play64xFps: round(fps, 1),
        timelineSeekMedianMs: round(seeks[Math.floor(seeks.length / 2)] ?? 0, 1),
        timelineSeekMaxMs: round(seeks.at(-1) ?? 0, 1),
      }
    } finally {
      await browser.close()
      await server.close()
      await demoServer.close()
    }
  },
}

async function playFps(page: Page): Promise<number> {
  await page.getByTestId('speed').selectOption('64')
  await page.evaluate(START_COUNTING)
  const start = Date.now()
  await page.getByTestId('play').click()
  await page.waitForTimeout(PLAY_MS)
  const frames = await page.evaluate<number>(STOP_COUNTING)
  const elapsed = Date.now() - start
  await page.getByTestId('pause').click()
  return frames / (elapsed / 1000)
}
