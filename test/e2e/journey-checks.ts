import type { Page } from '@playwright/test'

import { overlapProblems } from './geometry'
import { expectNoIds } from './id-scan'
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

/**
 * No two sibling objects overlap and every child is inside its parent (boxes the canvas draws:
 * test/e2e/geometry.ts). Soft: a journey reports every step's problems, not only the first.
 */
export async function expectTidyCanvas(page: Page, where: string): Promise<void> {
  expect.soft(await overlapProblems(page), `the canvas ${where}`).toEqual([])
}

/** No id of the lab or its runs appears anywhere a person reads (soft, as above). */
export const expectNoIdShown = (page: Page, where: string) =>
  expectNoIds(page, (method, input) => invoke(page, method, input), where, true)

/** With a run loaded the canvas keeps at least half of the window's height. */
export async function expectRoomForCanvas(page: Page, where: string): Promise<void> {
  const canvas = await page.getByTestId('canvas').boundingBox()
  const window = page.viewportSize()
  const share = canvas && window ? canvas.height / window.height : 0
  expect.soft(share, `the canvas's share of the window's height ${where}`).toBeGreaterThanOrEqual(0.5)
}
