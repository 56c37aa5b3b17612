import type { Page } from '@playwright/test'

import { docsScreenshot } from './docs-screenshot'
import { expect, test } from './serve-fixture'

const height = async (page: Page, testId: string) =>
  (await page.getByTestId(testId).boundingBox())?.height ?? 0

async function provision(page: Page) {
  await page.getByTestId('provision').click()
  await expect(page.getByTestId('current-step')).toBeVisible()
}

test('with a run loaded at 1440x900 the canvas keeps half the window; panels resize, fold and are kept', async ({
  page,
  served,
}) => {
  await page.goto(served.url)
  await expect(page.getByTestId('app-ready')).toBeVisible()
  // The demo lab has notes but nothing to fix: the problems fold to their counts.
  await expect(page.getByTestId('problems')).toHaveAttribute('data-folded', 'true')
  await expect(page.getByTestId('problem-counts')).toContainText('0 errors · 0 warnings')
  await provision(page)
  expect(await height(page, 'canvas')).toBeGreaterThanOrEqual(450)
  // Unfolding the problems still leaves the canvas half the window: the playback gives way.
  await page.getByTestId('problems-toggle').click()
  await expect(page.getByTestId('problem-row').first()).toBeVisible()
  expect(await height(page, 'canvas')).toBeGreaterThanOrEqual(450)
  await docsScreenshot(page, 'room-light')

  // The playback panel's top edge drags: up gives it room.
  const before = await height(page, 'playback-panel')
  const handle = (await page.getByTestId('playback-resize').boundingBox())!
  await page.mouse.move(handle.x + 200, handle.y + handle.height / 2)
  await page.mouse.down()
  await page.mouse.move(handle.x + 200, handle.y - 120, { steps: 6 })
  await page.mouse.up()
  await expect.poll(() => height(page, 'playback-panel')).toBeGreaterThan(before + 100)
  const dragged = await height(page, 'playback-panel')
  // And from the keyboard.
  await page.getByTestId('playback-resize').focus()
  await page.keyboard.press('ArrowDown')
  await expect.poll(() => height(page, 'playback-panel')).toBeLessThan(dragged)
  const kept = await height(page, 'playback-panel')

  // Fold the steps away, then bring them back: the panel keeps its controls.
  await page.getByTestId('playback-fold').click()
  await expect(page.getByTestId('event-list')).toHaveCount(0)
  await expect(page.getByTestId('play')).toBeVisible()
  await page.getByTestId('playback-fold').click()
  await expect(page.getByTestId('event-list')).toBeVisible()

  // All of it is the lab's view state: a reload shows the window as it was left.
  await page.reload()
  await expect(page.getByTestId('app-ready')).toBeVisible()
  await expect(page.getByTestId('problems')).toHaveAttribute('data-folded', 'false')
  // The first option asks to pick a stored run; the run is the next one.
  await page.getByTestId('run-picker').selectOption({ index: 1 })
  await expect(page.getByTestId('current-step')).toBeVisible()
  await expect.poll(() => height(page, 'playback-panel')).toBe(kept)
})

test('the default speed plays any run in about a minute; the speed chosen is kept with the lab', async ({
  page,
  served,
}) => {
  await page.goto(served.url)
  await expect(page.getByTestId('app-ready')).toBeVisible()
  await provision(page)
  const speed = page.getByTestId('speed')
  await expect(speed).toHaveValue('fit')
  // The label says what the default means for this run: its simulated length over a minute.
  const label = (await speed.locator('option:checked').textContent()) ?? ''
  const factor = Number(/\((\d+(?:\.\d)?)x\)/.exec(label)?.[1])
  const url = new URL(page.url())
  const runs = (await (
    await page.request.post(`${url.origin}/api/listRuns`, {
      data: {},
      headers: { authorization: `Bearer ${url.searchParams.get('token') ?? ''}` },
    })
  ).json()) as { value: { runs: { summary: { durationMs: number } }[] } }
  const lengthMs = runs.value.runs[0]!.summary.durationMs
  expect(factor * 60_000).toBeGreaterThan(lengthMs * 0.95)
  expect(factor * 60_000).toBeLessThan(lengthMs * 1.05)
  // Fixed speeds up to 64x are offered.
  await expect(speed.locator('option[value="64"]')).toHaveCount(1)
  await speed.selectOption('8')
  await page.reload()
  await expect(page.getByTestId('app-ready')).toBeVisible()
  // The first option asks to pick a stored run; the run is the next one.
  await page.getByTestId('run-picker').selectOption({ index: 1 })
  await expect(page.getByTestId('speed')).toHaveValue('8')
})

test('a run planned before the lab changed says so and re-runs on the lab as it is', async ({
  page,
  served,
}) => {
  await page.goto(served.url)
  await expect(page.getByTestId('app-ready')).toBeVisible()
  await provision(page)
  await expect(page.getByTestId('stale-run')).toHaveCount(0)
  // Change the lab: a host gets more cores.
  await page.keyboard.press('Control+f')
  await page.getByTestId('search').fill('esxi-01')
  await page.getByTestId('search').press('Enter')
  await page.keyboard.press('Escape')
  await page.getByTestId('field-cpuCores').fill('48')
  await page.getByTestId('field-cpuCores').press('Enter')
  await expect(page.getByTestId('stale-run')).toHaveAttribute('data-stale', 'changed')
  await expect(page.getByTestId('stale-run')).toContainText('The lab has changed since this run was planned')
  await page.getByTestId('stale-rerun').click()
  await expect(page.getByTestId('stale-run')).toHaveCount(0)
  await expect(page.getByTestId('run-picker').locator('option')).toHaveCount(2)
})

test('Escape closes the host menu and the search box', async ({ page, served }) => {
  await page.goto(served.url)
  await expect(page.getByTestId('app-ready')).toBeVisible()
  await provision(page)
  await page.getByTestId('node-host-1').click({ button: 'right' })
  await expect(page.getByTestId('host-fault-menu')).toBeVisible()
  // The menu takes the focus, as menus do; Escape closes it from there.
  await expect(page.getByTestId('menu-host-failure')).toBeFocused()
  await page.keyboard.press('Escape')
  await expect(page.getByTestId('host-fault-menu')).toHaveCount(0)
  await page.keyboard.press('Control+f')
  await expect(page.getByTestId('search')).toBeVisible()
  await page.keyboard.press('Escape')
  await expect(page.getByTestId('search')).toHaveCount(0)
})
