import type { Page } from '@playwright/test'

import { START_COUNTING, STOP_COUNTING } from './browser'

const MEASURE_MS = 2000

// Page scripts as strings: this file is compiled without the DOM library.
/** Resolves with the time, from navigation start, of the first animation frame with a node in the page. */
export const FIRST_RENDER = `new Promise((resolve) => {
  const check = () => document.querySelector('.react-flow__node') ? resolve(performance.now()) : requestAnimationFrame(check)
  check()
})`

/** Presses at (x, y), moves in loops to the right of it for 2 s, releases; returns frames per second. */
export async function framesWhile(page: Page, x: number, y: number, reach: number): Promise<number> {
  await page.evaluate(START_COUNTING)
  const start = Date.now()
  await page.mouse.move(x, y)
  await page.mouse.down()
  for (let i = 0; Date.now() - start < MEASURE_MS; i++)
    await page.mouse.move(x + reach * (1 - Math.cos(i / 8)), y + (reach / 2) * Math.sin(i / 8))
  await page.mouse.up()
  const elapsed = Date.now() - start
  const frames = await page.evaluate<number>(STOP_COUNTING)
  return frames / (elapsed / 1000)
}

/** Frames per second while dragging the empty corner of the canvas (fitView leaves a margin there). */
export async function panFps(page: Page): Promise<number> {
  const pane = await page.locator('.react-flow').boundingBox()
  if (!pane) throw new Error(`${page.url()}: no canvas`)
  return framesWhile(page, pane.x + 8, pane.y + 8, 150)
}

export const median = (values: readonly number[]) =>
  [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? 0
