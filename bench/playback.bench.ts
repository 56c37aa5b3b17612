import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'

import type { Page } from '@playwright/test'

import { LabService } from '../src/node/lab-service'
import { startServer } from '../src/node/server'
import { generateLargeLab } from '../src/shared/domain/large-lab'
import { ensureRendererBuilt, launchChromium, RENDERER, START_COUNTING, STOP_COUNTING } from './browser'
import { round, type Benchmark } from './harness'

const PLAY_MS = 4000
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

/**
 * Playback of a stored run of the 10,000-PodVM lab (64 hosts, 50 namespaces) in headless
 * Chromium: planning and loading time (to the first steps on screen, and to every step
 * loaded), frames per second while playing at 64x, and the time
 * from a timeline click to the canvas showing that step.
 */
export const playbackBenchmark: Benchmark = {
  name: 'playback',
  async run() {
    ensureRendererBuilt()
    // A throwaway data folder: the 10,000-pod edit and its stored run must not land in the user's demo lab.
    const service = new LabService('serve', { dataDir: mkdtempSync(join(tmpdir(), 'pl-bench-')) })
    const demo = service.handlers.getTopology().topology
    const large = generateLargeLab({ hosts: 64, namespaces: 50, pods: 10_000 }).topology
    service.handlers.applyEdits({
      batch: {
        label: 'Open the 10,000-pod lab',
        edits: [
          { type: 'removeNodes', nodes: demo.nodes, links: demo.links },
          { type: 'addNodes', nodes: large.nodes, links: large.links },
        ],
      },
    })
    const server = await startServer({ port: 0, rendererDir: RENDERER, service })
    const browser = await launchChromium()
    try {
      const page = await browser.newPage({ viewport: { width: 1440, height: 900 } })
      page.setDefaultTimeout(600_000)
      await page.goto(`http://127.0.0.1:${server.port}/?token=${server.token}`)
      await page.getByTestId('app-ready').waitFor()
      const t0 = Date.now()
      await page.getByTestId('provision').click()
      await page.getByTestId('timeline').waitFor()
      // The run plays from its first page; loaded means every step has arrived.
      const firstStepsMs = Date.now() - t0
      await page.locator('[data-testid="timeline"][data-loading="false"]').waitFor()
      const provisionMs = Date.now() - t0
      const steps = Number(/\/ (\d+)/.exec(await page.getByTestId('current-step').innerText())?.[1] ?? 0)
      const fps = await playFps(page)
      const seeks: number[] = []
      for (const f of SEEKS) seeks.push(await page.evaluate<number>(seekScript(f)))
      seeks.sort((a, b) => a - b)
      return {
        steps,
        provisionAndLoadMs: round(provisionMs, 0),
        provisionFirstStepsMs: round(firstStepsMs, 0),
        play64xFps: round(fps, 1),
        timelineSeekMedianMs: round(seeks[Math.floor(seeks.length / 2)] ?? 0, 1),
        timelineSeekMaxMs: round(seeks.at(-1) ?? 0, 1),
      }
    } finally {
      await browser.close()
      await server.close()
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
