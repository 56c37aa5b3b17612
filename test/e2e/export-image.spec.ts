import { readFileSync } from 'node:fs'

import type { Page } from '@playwright/test'

import { absoluteBoxes, layoutLab } from '../../src/shared/domain/layout/lab-layout'
import { derivedObjects } from '../../src/shared/domain/derived-objects'
import { demoTopology } from '../support/samples'
import { expect, test } from './serve-fixture'

const demo = demoTopology()
/** Every object the demo lab draws: its own and the read-only ones the platform creates. */
const drawnNames = [
  ...demo.nodes.map((n) => n.name),
  ...[...derivedObjects(demo).values()].flat().map((d) => d.name),
]

/** The picture's size in canvas pixels: the drawn objects' box and 24 px all round. */
function boundsOf(ids: readonly string[]) {
  const boxes = absoluteBoxes(demo, layoutLab(demo))
  const picked = ids.map((id) => boxes.get(id)!)
  const x = Math.min(...picked.map((b) => b.x))
  const y = Math.min(...picked.map((b) => b.y))
  return {
    width: Math.ceil(Math.max(...picked.map((b) => b.x + b.width)) - x + 48),
    height: Math.ceil(Math.max(...picked.map((b) => b.y + b.height)) - y + 48),
  }
}

async function save(page: Page, choice: string): Promise<Buffer> {
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByTestId('export-image').selectOption(choice),
  ])
  return readFileSync(await download.path())
}

/** Width and height from a PNG's IHDR chunk. */
const pngSize = (png: Buffer) => ({ width: png.readUInt32BE(16), height: png.readUInt32BE(20) })

/** Loads a picture into a canvas in the page and counts the colours it uses (a blank one has one). */
async function colours(page: Page, png: Buffer): Promise<number> {
  return page.evaluate(
    `(async () => {
      const img = new Image()
      img.src = 'data:image/png;base64,${png.toString('base64')}'
      await img.decode()
      const c = document.createElement('canvas')
      c.width = img.width
      c.height = img.height
      const g = c.getContext('2d')
      g.drawImage(img, 0, 0)
      const data = g.getImageData(0, 0, c.width, c.height).data
      const seen = new Set()
      for (let i = 0; i < data.length; i += 4 * 7) seen.add(data[i] * 65536 + data[i + 1] * 256 + data[i + 2])
      return seen.size
    })()`,
  )
}

/** Shows an SVG file inline in a blank page and counts the canvas objects drawn in it. */
async function objectsIn(
  page: Page,
  svg: string,
): Promise<{ nodes: number; edges: number; names: string[] }> {
  await page.setContent(`<!doctype html><body style="margin:0">${svg}</body>`)
  return page.evaluate(`(() => ({
    nodes: document.querySelectorAll('svg foreignObject [data-testid^="node-"][data-kind]').length,
    edges: document.querySelectorAll('svg foreignObject .react-flow__edge path.react-flow__edge-path[d]').length,
    names: [...document.querySelectorAll('svg foreignObject .node-name')].map((e) => e.textContent),
  }))()`)
}

test('the demo lab as SVG is self-contained and shows every object, name and edge', async ({
  page,
  served,
  browser,
}) => {
  await page.goto(served.url)
  await expect(page.getByTestId('app-ready')).toBeVisible()
  // Zoomed in on one host, most of the lab is off screen: the picture still has all of it.
  for (let i = 0; i < 6; i++) await page.locator('.react-flow__controls-zoomin').click()
  await expect(page.locator('.react-flow__node')).not.toHaveCount(drawnNames.length)
  const svg = (await save(page, 'svg:canvas')).toString('utf8')
  expect(svg.startsWith('<svg')).toBe(true)
  // Self-contained: nothing is fetched from elsewhere (the XML namespaces are names, not fetches).
  expect(svg.replace(/xmlns(:\w+)?="[^"]*"/g, '')).not.toMatch(
    /(href|src)="(https?:|file:|\/)|url\((?!#|"#|'#|data:)/,
  )
  const viewer = await browser.newPage()
  const shown = await objectsIn(viewer, svg)
  expect(shown.nodes).toBe(drawnNames.length)
  expect(shown.edges).toBe(demo.links.length)
  expect(shown.names.sort()).toEqual([...drawnNames].sort())
  // The badges and labels travel too: the edge's "runs on", the hosts' spherelet tags.
  expect(svg).toContain('runs on')
  expect(svg.match(/data-testid="derived-spherelet-/g)).toHaveLength(3)
  await viewer.close()
})

test('the demo lab as PNG has the canvas bounds at twice the pixels and is not blank; the selection alone is smaller', async ({
  page,
  served,
}) => {
  await page.goto(served.url)
  await expect(page.getByTestId('app-ready')).toBeVisible()
  const png = await save(page, 'png:canvas')
  const all = boundsOf(demo.nodes.filter((n) => n.parentId === null).map((n) => n.id))
  expect(pngSize(png)).toEqual({ width: all.width * 2, height: all.height * 2 })
  expect(await colours(page, png)).toBeGreaterThan(20)

  await page.getByTestId('node-ns-1').click({ position: { x: 60, y: 14 } })
  const part = await save(page, 'png:selection')
  const ns = boundsOf(['ns-1'])
  expect(pngSize(part)).toEqual({ width: ns.width * 2, height: ns.height * 2 })
  const svg = (await save(page, 'svg:selection')).toString('utf8')
  expect(svg).toContain('fn-orders')
  expect(svg).not.toContain('esxi-01')

  // The keyboard path: Ctrl+Shift+E saves a PNG of the selection.
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.keyboard.press('Control+Shift+E'),
  ])
  expect(download.suggestedFilename()).toMatch(/-selection\.png$/)
})
