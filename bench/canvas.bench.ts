import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'

import type { Browser } from '@playwright/test'

import { LabService } from '../src/node/lab-service'
import { startServer } from '../src/node/server'
import { BENCH_PAGE, ensureBenchPageBuilt, ensureRendererBuilt, launchChromium, RENDERER } from './browser'
import { largeLabFigures } from './canvas-large'
import { FIRST_RENDER, framesWhile, panFps } from './canvas-measure'
import { round, type Benchmark } from './harness'

interface Figures {
  firstRenderMs: number
  panFps: number
  dragFps: number
}

/**
 * The lab canvas in headless Chromium beside a plain React Flow page with the same number of
 * default nodes, in the same run: time to first render, and frames per second while panning
 * (dragging the empty pane) and while dragging a node. Ratios are lab / plain (time) and lab / plain (fps).
 */
export const canvasBenchmark: Benchmark = {
  name: 'canvas',
  async run() {
    ensureRendererBuilt()
    ensureBenchPageBuilt()
    // A throwaway data folder, so the benchmark never touches the user's demo lab.
    const service = new LabService('serve', { dataDir: mkdtempSync(join(tmpdir(), 'pl-bench-')) })
    const demoCount = service.handlers.getTopology().topology.nodes.length
    const server = await startServer({ port: 0, rendererDir: RENDERER, service })
    // The benchmark page needs no service; it is served the same way, from its own build.
    const pageServer = await startServer({ port: 0, rendererDir: BENCH_PAGE, service })
    const browser = await launchChromium()
    const base = `http://127.0.0.1:${server.port}/?token=${server.token}`
    const page = `http://127.0.0.1:${pageServer.port}/`
    const out: Record<string, number> = {}
    try {
      const cases: [string, string, string][] = [
        ['demo', base, `${page}?bench=${demoCount}&plain=1`],
        ['n2000', `${page}?bench=2000`, `${page}?bench=2000&plain=1`],
      ]
      for (const [name, labUrl, plainUrl] of cases) {
        const lab = await measure(browser, labUrl, '.react-flow__node-card-node')
        const plain = await measure(browser, plainUrl, '.react-flow__node')
        Object.assign(out, {
          [`${name}FirstRenderMs`]: round(lab.firstRenderMs, 0),
          [`${name}PlainFirstRenderMs`]: round(plain.firstRenderMs, 0),
          [`${name}FirstRenderRatio`]: round(lab.firstRenderMs / plain.firstRenderMs, 2),
          [`${name}PanFps`]: round(lab.panFps, 1),
          [`${name}PlainPanFps`]: round(plain.panFps, 1),
          [`${name}PanFpsRatio`]: round(lab.panFps / plain.panFps, 2),
          [`${name}DragFps`]: round(lab.dragFps, 1),
          [`${name}PlainDragFps`]: round(plain.dragFps, 1),
          [`${name}DragFpsRatio`]: round(lab.dragFps / plain.dragFps, 2),
        })
      }
      Object.assign(out, await largeLabFigures(browser, `${page}?bench=500&plain=1`))
    } finally {
      await browser.close()
      await server.close()
      await pageServer.close()
    }
    return out
  },
}

async function measure(browser: Browser, url: string, dragSelector: string): Promise<Figures> {
  const page = await browser.newPage({ viewport: { width: 1440, height: 900 } })
  try {
    await page.goto(url)
    // First render: the first animation frame with nodes in the page, from navigation start.
    const firstRenderMs = await page.evaluate<number>(FIRST_RENDER)
    await page.waitForTimeout(500)
    const pan = await panFps(page)
    const node = await page.locator(dragSelector).first().boundingBox()
    if (!node) throw new Error(`${url}: no node to drag`)
    const dragFps = await framesWhile(page, node.x + node.width / 2, node.y + 10, 60)
    return { firstRenderMs, panFps: pan, dragFps }
  } finally {
    await page.close()
  }
}
