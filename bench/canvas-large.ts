import { readFileSync } from 'node:fs'

import type { Browser, Page } from '@playwright/test'

import { generateLargeLab } from '../src/shared/domain/large-lab'
import { FIRST_RENDER, median, panFps } from './canvas-measure'
import { round } from './harness'
import { serveLab } from './serve-lab'

/** Rounds of first render and of panning, alternating the lab and the plain page; medians count. */
const ROUNDS = 3
/** PodVMs revealed by search, one per namespace (`team-NN/fn-NNNN`, and its node id). */
const REVEALS = [44, 3, 17, 29, 50, 11, 36].map((ns, k) => {
  const n = String(ns).padStart(2, '0')
  const pod = String(((k * 131 + 111) % 400) + 1).padStart(4, '0')
  return { query: `team-${n}/fn-${pod}`, id: `ns-${n}-pod-${pod}` }
})

// Page scripts as strings: this file is compiled without the DOM library.
/**
 * Presses Enter in the search box and resolves with the time to the frame after the PodVM's
 * node is in the page, selected and inside the canvas.
 */
const revealScript = (id: string) => `new Promise((resolve) => {
  const input = document.querySelector('[data-testid="search"]')
  const pane = document.querySelector('.react-flow').getBoundingClientRect()
  const t0 = performance.now()
  input.dispatchEvent(new KeyboardEvent('keydown', { key: 'Enter', bubbles: true }))
  const check = () => {
    const node = document.querySelector('[data-testid="node-${id}"]')
    const r = node && node.getBoundingClientRect()
    const shown = r && r.left >= pane.left && r.right <= pane.right && r.top >= pane.top && r.bottom <= pane.bottom
    if (shown && node.classList.contains('is-selected')) requestAnimationFrame(() => resolve(performance.now() - t0))
    else requestAnimationFrame(check)
  }
  check()
})`

/**
 * The generated 20,000-PodVM lab (64 hosts, 50 namespaces) in the app, served by a LabService as
 * `pacific-lab serve` does, beside a plain React Flow page of 500 nodes in the same run: first
 * render and pan frames per second (medians of three, in turns), the JS heap once it is open and
 * checked, and the time from Enter in the search box to the PodVM found selected and on screen
 * (median of seven, each in another namespace).
 */
export async function largeLabFigures(browser: Browser, plainUrl: string): Promise<Record<string, number>> {
  const large = generateLargeLab({ hosts: 64, namespaces: 50, pods: 20_000 }).topology
  const served = await serveLab(large, 'Open the 20,000-PodVM lab')
  const labUrl = served.url
  try {
    const labRenders: number[] = []
    const plainRenders: number[] = []
    for (let i = 0; i < ROUNDS; i++) {
      plainRenders.push(await firstRender(browser, plainUrl))
      labRenders.push(await firstRender(browser, labUrl))
    }
    // Pan: both pages open, measured in turns, so a burst of load elsewhere hits both alike.
    const plain = await browser.newPage({ viewport: { width: 1440, height: 900 } })
    await plain.goto(plainUrl)
    await plain.evaluate(FIRST_RENDER)
    const page = await browser.newPage({ viewport: { width: 1440, height: 900 } })
    page.setDefaultTimeout(120_000)
    await page.goto(labUrl)
    await settled(page)
    const plainPans: number[] = []
    const labPans: number[] = []
    for (let i = 0; i < ROUNDS; i++) {
      await plain.bringToFront()
      plainPans.push(await panFps(plain))
      await page.bringToFront()
      labPans.push(await panFps(page))
    }
    await plain.close()
    const cdp = await page.context().newCDPSession(page)
    await cdp.send('HeapProfiler.collectGarbage')
    const heap = await cdp.send('Runtime.getHeapUsage')
    const reveals: number[] = []
    const cpu: number[] = []
    const renderers = await rendererIds(browser)
    await page.getByTestId('fit-view').click()
    await page.keyboard.press('Control+f')
    for (const { query, id } of REVEALS) {
      await page.getByTestId('search').fill(query)
      // A person reads the match count before pressing Enter.
      await page.waitForTimeout(300)
      const before = mainThreadsCpuMs(renderers)
      reveals.push(await page.evaluate<number>(revealScript(id)))
      cpu.push(mainThreadsCpuMs(renderers) - before)
    }
    await page.close()
    const lab = median(labRenders)
    const base = median(plainRenders)
    return {
      open20kFirstRenderMs: round(lab, 0),
      plain500FirstRenderMs: round(base, 0),
      open20kRatio: round(lab / base, 2),
      pan20kFps: round(median(labPans), 1),
      plain500PanFps: round(median(plainPans), 1),
      pan20kRatio: round(median(labPans) / median(plainPans), 2),
      heap20kMb: round(heap.usedSize / 1024 / 1024, 1),
      reveal20kMs: round(median(reveals), 1),
      reveal20kMaxMs: round(Math.max(...reveals), 1),
      // The renderers' main threads' CPU time per reveal: what the reveal costs on a quiet machine.
      ...(cpu.every(Number.isFinite) ? { reveal20kCpuMs: round(median(cpu), 1) } : {}),
    }
  } finally {
    await served.close()
  }
}

async function firstRender(browser: Browser, url: string): Promise<number> {
  const page = await browser.newPage({ viewport: { width: 1440, height: 900 } })
  try {
    await page.goto(url)
    return await page.evaluate<number>(FIRST_RENDER)
  } finally {
    await page.close()
  }
}

/** Open and quiet: drawn, checked (the rules run just after the first paint), the fit pass begun. */
async function settled(page: Page) {
  await page.evaluate(FIRST_RENDER)
  await page.locator('[data-testid="problem-row"][data-code="checking"]').waitFor({ state: 'detached' })
  await page.waitForTimeout(1000)
}

/** Process ids of the browser's renderers (one is the lab's page). */
async function rendererIds(browser: Browser): Promise<number[]> {
  const cdp = await browser.newBrowserCDPSession()
  const { processInfo } = (await cdp.send('SystemInfo.getProcessInfo')) as {
    processInfo: { type: string; id: number }[]
  }
  await cdp.detach()
  return processInfo.filter((p) => p.type === 'renderer').map((p) => p.id)
}

/** CPU time of those renderers' main threads, in ms (Linux's schedstat; NaN elsewhere). */
function mainThreadsCpuMs(ids: readonly number[]): number {
  let ns = 0
  for (const id of ids) {
    try {
      ns += Number(readFileSync(`/proc/${id}/task/${id}/schedstat`, 'utf8').split(' ')[0])
    } catch {
      return Number.NaN
    }
  }
  return ns / 1e6
}
