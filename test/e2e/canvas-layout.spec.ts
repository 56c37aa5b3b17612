import type { Page } from '@playwright/test'

import { clearLab, dragFromPalette, labNodes, pointIn } from './canvas-helpers'
import { expectClearOfMinimap, expectEdgesClearOfCards, expectNoOverlap } from './geometry'
import { expect, test } from './serve-fixture'

const pressFit = (page: Page) => page.getByTestId('fit-view').click()

async function open(page: Page, url: string) {
  await page.goto(url)
  await expect(page.getByTestId('app-ready')).toBeVisible()
  await expect(page.getByTestId('node-ns-1')).toBeVisible()
}

/** The canvas's zoom, read from React Flow's viewport transform. */
async function zoom(page: Page): Promise<number> {
  const transform = (await page.locator('.react-flow__viewport').getAttribute('style')) ?? ''
  return Number(/scale\(([\d.]+)\)/.exec(transform)?.[1] ?? 'NaN')
}

/** Whether an object is drawn whole inside the canvas pane. */
async function inView(page: Page, id: string): Promise<boolean> {
  const pane = await page.locator('.react-flow').boundingBox()
  const box = await page.getByTestId(`node-${id}`).boundingBox()
  if (!pane || !box) return false
  return (
    box.x >= pane.x &&
    box.y >= pane.y &&
    box.x + box.width <= pane.x + pane.width &&
    box.y + box.height <= pane.y + pane.height
  )
}

const DEPLOYMENT = `apiVersion: apps/v1
kind: Deployment
metadata:
  name: ledger
  namespace: finance
spec:
  replicas: 2
  selector: { matchLabels: { app: ledger } }
  template:
    metadata: { labels: { app: ledger } }
    spec:
      containers:
        - name: ledger
          image: harbor.corp.local/finance/ledger:1.0
`

test('the demo lab reads at 1440x900: nothing overlaps or is cut, the runs-on edge goes around the cards, the minimap covers nothing', async ({
  page,
  served,
}) => {
  await open(page, served.url)
  await pressFit(page)
  await expectNoOverlap(page)
  await expectClearOfMinimap(page)
  await expectEdgesClearOfCards(page)
})

test('the first drop on an empty lab stays at a readable zoom; a drop out of view comes into view; Auto-layout refits', async ({
  page,
  served,
}) => {
  await open(page, served.url)
  await clearLab(page)
  const vc = await dragFromPalette(page, 'vcenter', await pointIn(page, 'canvas', 200, 120))
  expect(await zoom(page)).toBeGreaterThanOrEqual(0.6)
  expect(await zoom(page)).toBeLessThanOrEqual(1.2)
  await expectNoOverlap(page)
  // Three clusters dropped on the same spot line up beside each other inside the vCenter.
  for (let i = 0; i < 3; i++)
    await dragFromPalette(page, 'cluster', await pointIn(page, `node-${vc}`, 40, 60))
  await pressFit(page)
  await expectNoOverlap(page)
  await expectClearOfMinimap(page)

  // Pan the vCenter half out of view, then drop a policy into its visible part: the new
  // object is slid past its siblings, possibly out of view, and the canvas follows it.
  const pane = await page.locator('.react-flow').boundingBox()
  if (!pane) throw new Error('no canvas')
  await page.mouse.move(pane.x + pane.width / 2, pane.y + pane.height - 40)
  await page.mouse.down()
  await page.mouse.move(pane.x + pane.width / 2 + 500, pane.y + pane.height - 40, { steps: 6 })
  await page.mouse.up()
  const before = new Set((await labNodes(page)).map((n) => n.id))
  const corner = await pointIn(page, `node-${vc}`, 40, 60)
  const from = await pointIn(page, 'palette-storage-policy', 30, 10)
  await page.mouse.move(from.x, from.y)
  await page.mouse.down()
  await page.mouse.move(corner.x, corner.y, { steps: 8 })
  await page.mouse.up()
  await expect.poll(async () => (await labNodes(page)).filter((n) => !before.has(n.id)).length).toBe(1)
  const policy = (await labNodes(page)).find((n) => !before.has(n.id))?.id ?? ''
  await expect.poll(() => inView(page, policy)).toBe(true)
  expect(await zoom(page)).toBeGreaterThanOrEqual(0.6)
  expect(await zoom(page)).toBeLessThanOrEqual(1.2)

  await page.getByTestId('layout').click()
  await expect(page.getByTestId('layout')).toHaveText('Auto-layout')
  for (const n of await labNodes(page)) await expect.poll(() => inView(page, n.id)).toBe(true)
  await expectNoOverlap(page)
  await expectClearOfMinimap(page)
})

test('a Supervisor that grows pushes what is below it; an imported Deployment, a duplicate and a collapse overlap nothing', async ({
  page,
  served,
}) => {
  await open(page, served.url)
  // Put a second vCenter right below the Supervisor, then grow the Supervisor's namespace.
  await pressFit(page)
  const sv = await page.getByTestId('node-sv-1').boundingBox()
  if (!sv) throw new Error('no Supervisor')
  await dragFromPalette(page, 'vcenter', { x: sv.x + 60, y: sv.y + sv.height + 40 })
  for (let i = 0; i < 4; i++) {
    await dragFromPalette(page, 'pod', await pointIn(page, 'node-ns-1', 60, 60))
    await pressFit(page)
    await expectNoOverlap(page)
  }

  await page.getByTestId('import-open').click()
  await page
    .getByTestId('import-files')
    .setInputFiles({ name: 'ledger.yaml', mimeType: 'application/yaml', buffer: Buffer.from(DEPLOYMENT) })
  await expect(page.getByTestId('import-summary')).toContainText('ledger')
  await page.getByTestId('import-apply').click()
  await expect(page.getByTestId('import-done')).toBeVisible()
  await page.getByTestId('import-close').click()
  await pressFit(page)
  const ledger = (await labNodes(page)).find((n) => n.name === 'ledger')
  expect(ledger?.parentId).toBe('ns-1')
  await expect(page.getByTestId(`node-${ledger?.id ?? ''}`)).toBeVisible()
  await expectNoOverlap(page)

  await page.getByTestId('node-host-2').click()
  await page.keyboard.press('Control+d')
  await expect.poll(async () => (await labNodes(page)).some((n) => n.name === 'esxi-02-copy')).toBe(true)
  await pressFit(page)
  await expectNoOverlap(page)

  await page.getByTestId('collapse-cl-1').click()
  await expectNoOverlap(page)
  await page.getByTestId('collapse-cl-1').click()
  await pressFit(page)
  await expectNoOverlap(page)
  await expectClearOfMinimap(page)
})

test('during playback usage bars and chips stay inside their hosts, summarising what does not fit', async ({
  page,
  served,
}) => {
  await open(page, served.url)
  await page.getByTestId('provision').click()
  await expect(page.getByTestId('current-step')).toHaveAttribute('data-seq', '0')
  await page.getByTestId('jump-end').click()
  await pressFit(page)
  await expect(page.getByTestId('host-usage-host-1')).toBeVisible()
  await expectNoOverlap(page)
  // Each host shows its chips, and "+N" for the rest when they do not all fit on its row.
  for (const host of ['host-1', 'host-2', 'host-3']) {
    const card = page.getByTestId(`node-${host}`)
    const shown = await card.locator('.pb-chip:not(.more)').count()
    const moreChip = card.locator('.pb-chip.more')
    const more = (await moreChip.count()) > 0 ? Number((await moreChip.textContent())?.slice(1)) : 0
    expect(shown + more).toBeGreaterThan(0)
  }
})

/** 200 vSphere Pods for the demo lab's finance namespace, as one file of manifests. */
const PODS = Array.from(
  { length: 200 },
  (_, i) => `apiVersion: v1
kind: Pod
metadata:
  name: batch-${String(i).padStart(3, '0')}
  namespace: finance
spec:
  containers:
    - name: batch
      image: harbor.corp.local/finance/batch:1.0
      resources: { requests: { cpu: 100m, memory: 128Mi } }
`,
).join('---\n')

test('200 imported PodVMs make their namespace a readable grid at once, laid out clear of its siblings, tiles and hosts overlapping nothing', async ({
  page,
  served,
}) => {
  await open(page, served.url)
  await page.getByTestId('import-open').click()
  await page
    .getByTestId('import-files')
    .setInputFiles({ name: 'batch.yaml', mimeType: 'application/yaml', buffer: Buffer.from(PODS) })
  await expect(page.getByTestId('import-summary')).toContainText('batch-199')
  await page.getByTestId('import-apply').click()
  await expect(page.getByTestId('import-done')).toBeVisible()
  await page.getByTestId('import-close').click()
  await pressFit(page)
  await expectNoOverlap(page)
  await expectClearOfMinimap(page)
  // A grid about as wide as a screen, not a strip of dots.
  const ns = await page.getByTestId('node-ns-1').boundingBox()
  if (!ns) throw new Error('no finance namespace')
  expect(ns.width / ns.height).toBeGreaterThan(1.2)

  // Close up, the tiles in view are drawn inside it, with their names.
  await page.getByTestId('canvas').click({ position: { x: 5, y: 5 } })
  await page.keyboard.press('Control+f')
  await page.getByTestId('search').fill('finance/batch-120')
  await page.keyboard.press('Enter')
  const tile = page.locator('[data-kind="pod"]', { hasText: 'batch-120' })
  await expect(tile).toBeInViewport()
  expect(await zoom(page)).toBeGreaterThanOrEqual(1)
  expect(await page.locator('.member-tile').count()).toBeGreaterThan(10)
  await expectNoOverlap(page)

  // During playback its hosts count their guests on the card instead of a chip each.
  await page.getByTestId('provision').click()
  await expect(page.getByTestId('current-step')).toHaveAttribute('data-seq', '0')
  await page.getByTestId('jump-end').click()
  await pressFit(page)
  await expect(page.getByTestId('host-usage-host-1')).toBeVisible()
  await expectNoOverlap(page)
})
