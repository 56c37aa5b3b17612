import type { Page } from '@playwright/test'

import { expect } from './serve-fixture'

/**
 * Ids of the lab's objects as the service holds them (the canvas renders only what is on
 * screen, so the page is not the place to count them).
 */
export async function nodeIds(page: Page): Promise<string[]> {
  return (await labNodes(page)).map((n) => n.id)
}

export interface LabNodeInfo {
  id: string
  kind: string
  name: string
  parentId: string | null
}

/**
 * The lab's nodes as the service holds them: through `window.lab` where the page has one (the
 * Electron window, test/e2e/stub-window.ts), else over serve mode's HTTP with the page's token.
 */
export async function labNodes(page: Page): Promise<LabNodeInfo[]> {
  const bridged = await page.evaluate(async () => {
    const lab = (globalThis as { lab?: { invoke(m: string, i: unknown): Promise<unknown> } }).lab
    return lab
      ? ((await lab.invoke('getTopology', {})) as { value: { topology: { nodes: LabNodeInfo[] } } })
      : null
  })
  if (bridged)
    return bridged.value.topology.nodes.map(({ id, kind, name, parentId }) => ({ id, kind, name, parentId }))
  const url = new URL(page.url())
  const token = url.searchParams.get('token') ?? ''
  const res = await page.request.post(`${url.origin}/api/getTopology`, {
    data: {},
    headers: { authorization: `Bearer ${token}` },
  })
  const body = (await res.json()) as { value: { topology: { nodes: LabNodeInfo[] } } }
  return body.value.topology.nodes.map(({ id, kind, name, parentId }) => ({ id, kind, name, parentId }))
}

/** Clears the lab a user's way: select everything and delete it (one undo step). */
export async function clearLab(page: Page) {
  await page.getByTestId('canvas').click({ position: { x: 5, y: 5 } })
  await page.keyboard.press('Control+a')
  await page.keyboard.press('Delete')
  await expect.poll(() => nodeIds(page)).toEqual([])
}

/** A point inside an element, from its top-left (or from its bottom when `dy` is negative). */
export async function pointIn(page: Page, testId: string, dx: number, dy: number) {
  const box = await page.getByTestId(testId).boundingBox()
  if (!box) throw new Error(`${testId} is not on screen`)
  return { x: box.x + dx, y: dy >= 0 ? box.y + dy : box.y + box.height + dy }
}

/**
 * Drags a kind from the palette to a point with the mouse, as a user does (Chromium turns it
 * into HTML5 drag and drop), and returns the id of the node it created.
 */
export async function dragFromPalette(
  page: Page,
  kind: string,
  to: { x: number; y: number },
): Promise<string> {
  const before = new Set(await nodeIds(page))
  const from = await pointIn(page, `palette-${kind}`, 30, 10)
  await page.mouse.move(from.x, from.y)
  await page.mouse.down()
  await page.mouse.move(from.x + 20, from.y, { steps: 3 })
  await page.mouse.move(to.x, to.y, { steps: 8 })
  await page.mouse.up()
  await expect.poll(async () => (await nodeIds(page)).filter((id) => !before.has(id)).length).toBe(1)
  const created = (await nodeIds(page)).find((id) => !before.has(id)) ?? ''
  // The canvas draws only what is on screen; fit so the new object is drawn.
  await page.getByTestId('fit-view').click()
  await expect(page.getByTestId(`node-${created}`)).toHaveAttribute('data-kind', kind)
  return created
}

/** The id of the parent container a node is drawn in, read from React Flow's nesting. */
export async function parentOf(page: Page, id: string): Promise<string | null> {
  const a = await page.getByTestId(`node-${id}`).boundingBox()
  const candidates: string[] = []
  for (const el of await page.locator('[data-testid^="node-"]:not([data-readonly])').all())
    candidates.push(((await el.getAttribute('data-testid')) ?? '').slice('node-'.length))
  let best: { id: string; area: number } | null = null
  for (const other of candidates) {
    if (other === id) continue
    const b = await page.getByTestId(`node-${other}`).boundingBox()
    if (!a || !b) continue
    const inside =
      a.x >= b.x && a.y >= b.y && a.x + a.width <= b.x + b.width + 1 && a.y + a.height <= b.y + b.height + 1
    if (inside && (!best || b.width * b.height < best.area)) best = { id: other, area: b.width * b.height }
  }
  return best?.id ?? null
}

/**
 * Unfolds the problems panel if it is folded (it folds by itself when nothing needs a fix),
 * so its rows can be read and clicked; the choice is kept with the lab.
 */
export async function unfoldProblems(page: Page) {
  const toggle = page.getByTestId('problems-toggle')
  if ((await toggle.getAttribute('aria-expanded')) === 'false') await toggle.click()
  await expect(page.getByTestId('problems')).toHaveAttribute('data-folded', 'false')
}
