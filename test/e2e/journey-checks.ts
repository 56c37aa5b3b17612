import type { Page } from '@playwright/test'

import { expect } from './serve-fixture'

/** Asks the lab's service as the page does (`window.lab` in Electron). */
export async function invoke<T>(page: Page, method: string, input: unknown = {}): Promise<T> {
  const result = await page.evaluate(
    ([m, i]) =>
      (globalThis as unknown as { lab: { invoke(m: string, i: unknown): Promise<unknown> } }).lab.invoke(
        m,
        i,
      ),
    [method, input] as const,
  )
  const answer = result as { ok: boolean; value?: T; error?: { message: string } }
  if (!answer.ok) throw new Error(`${method} failed: ${answer.error?.message}`)
  return answer.value as T
}

export interface PlacedNode {
  id: string
  kind: string
  name: string
  parentId: string | null
}

export const placedNodes = async (page: Page) =>
  (await invoke<{ topology: { nodes: PlacedNode[] } }>(page, 'getTopology')).topology.nodes

interface Box {
  x: number
  y: number
  width: number
  height: number
}

/**
 * No two sibling objects overlap and every child lies inside its parent, from the boxes the
 * canvas draws (objects not drawn now, off screen or collapsed away, are not checked: fit first).
 */
export async function expectTidyCanvas(page: Page, where: string): Promise<void> {
  const nodes = await placedNodes(page)
  const boxes = new Map<string, Box>()
  for (const node of nodes) {
    const box = await page.getByTestId(`node-${node.id}`).boundingBox()
    if (box) boxes.set(node.id, box)
  }
  const name = (id: string) => nodes.find((n) => n.id === id)?.name ?? id
  const problems: string[] = []
  const SLACK = 1
  const overlap = (a: Box, b: Box) =>
    a.x < b.x + b.width - SLACK &&
    b.x < a.x + a.width - SLACK &&
    a.y < b.y + b.height - SLACK &&
    b.y < a.y + a.height - SLACK
  const inside = (a: Box, b: Box) =>
    a.x >= b.x - SLACK &&
    a.y >= b.y - SLACK &&
    a.x + a.width <= b.x + b.width + SLACK &&
    a.y + a.height <= b.y + b.height + SLACK
  for (const [i, a] of nodes.entries()) {
    const box = boxes.get(a.id)
    if (!box) continue
    const parent = a.parentId ? boxes.get(a.parentId) : undefined
    if (parent && !inside(box, parent)) problems.push(`${name(a.id)} spills out of ${name(a.parentId ?? '')}`)
    for (const b of nodes.slice(i + 1)) {
      const other = boxes.get(b.id)
      if (other && b.parentId === a.parentId && overlap(box, other))
        problems.push(`${name(a.id)} overlaps ${name(b.id)}`)
    }
  }
  // Soft: a journey reports every step's problems, not only the first.
  expect.soft(problems, `the canvas ${where}`).toEqual([])
}

interface StepLite {
  object: string
  actor: string
  target: string
  effects: { id: string }[]
}

/** Every id of the lab and its runs that looks made by the palette or the engine (kind-random). */
async function everyId(page: Page): Promise<string[]> {
  const ids = new Set((await placedNodes(page)).map((n) => n.id))
  const { runs } = await invoke<{ runs: { id: string; stepCount: number }[] }>(page, 'listRuns')
  for (const run of runs) {
    ids.add(run.id)
    for (let from = 1; from <= run.stepCount; from += 10_000) {
      const { steps } = await invoke<{ steps: StepLite[] }>(page, 'getRunSteps', {
        runId: run.id,
        from,
        count: Math.min(10_000, run.stepCount - from + 1),
      })
      for (const s of steps) {
        // A lane is a component with the object it runs on after a colon (hostd:host-1x4k5s).
        const lanes = [s.actor, s.target].map((lane) => lane.split(':')[1] ?? '')
        for (const part of [...s.object.split('/'), ...lanes]) if (part) ids.add(part)
        for (const e of s.effects) for (const part of e.id.split('/')) ids.add(part)
      }
    }
  }
  return [...ids].filter((id) => /^[a-z]+(-[a-z]+)*-[0-9a-z]{6,}$/.test(id) || id.startsWith('run-'))
}

/** What a person can read: the page's text, options, diagram labels, tooltips and labels. */
const readableText = (page: Page) =>
  page.evaluate(() => {
    type Doc = {
      body: { innerText: string }
      querySelectorAll(
        s: string,
      ): ArrayLike<{ textContent: string | null; getAttribute(n: string): string | null }>
    }
    const doc = (globalThis as unknown as { document: Doc }).document
    const parts = [doc.body.innerText]
    for (const el of Array.from(doc.querySelectorAll('option, svg text'))) parts.push(el.textContent ?? '')
    for (const el of Array.from(doc.querySelectorAll('[title], [aria-label]')))
      parts.push(el.getAttribute('title') ?? '', el.getAttribute('aria-label') ?? '')
    return parts.join('\n')
  })

/** No id of the lab or its runs appears anywhere a person reads. */
export async function expectNoIdShown(page: Page, where: string): Promise<void> {
  const text = await readableText(page)
  const shown = (await everyId(page)).filter((id) => text.includes(id))
  const around = (id: string) => text.slice(Math.max(0, text.indexOf(id) - 60), text.indexOf(id) + 30)
  const context = shown.map((id) => around(id).replace(/\s+/g, ' '))
  expect.soft(shown, `ids shown ${where}: ${context.join(' | ')}`).toEqual([])
}

/** With a run loaded the canvas keeps at least half of the window's height. */
export async function expectRoomForCanvas(page: Page, where: string): Promise<void> {
  const canvas = await page.getByTestId('canvas').boundingBox()
  const window = page.viewportSize()
  const share = canvas && window ? canvas.height / window.height : 0
  expect.soft(share, `the canvas's share of the window's height ${where}`).toBeGreaterThanOrEqual(0.5)
}
