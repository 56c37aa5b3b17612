import type { Page } from '@playwright/test'

import { expect, test } from './serve-fixture'
import { sampleLab } from '../support/samples'
import { docsScreenshot } from './docs-screenshot'

const demo = sampleLab('demo')

test.use({ viewport: { width: 1600, height: 1200 } })

const statusOf = (page: Page, id: string) => page.getByTestId(`node-${id}`).getAttribute('data-status')
const currentSeq = async (page: Page) =>
  Number(await page.getByTestId('current-step').getAttribute('data-seq'))

async function allStatuses(page: Page): Promise<Record<string, string | null>> {
  const out: Record<string, string | null> = {}
  for (const n of demo.topology.nodes) out[n.id] = await statusOf(page, n.id)
  return out
}

async function provisionDemo(page: Page, url: string) {
  await page.goto(url)
  await expect(page.getByTestId('app-ready')).toBeVisible()
  await page.getByTestId('provision').click()
  await expect(page.getByTestId('current-step')).toHaveAttribute('data-seq', '0')
  await expect(page.getByTestId('current-step')).toHaveAttribute('data-seq', '0')
  // The playback panel took room from the canvas; the user fits the lab back into view.
  await page.getByTestId('fit-view').click()
  await expect(page.getByTestId('node-pod-1')).toHaveAttribute('data-status', 'Absent')
}

/** Seeks to the first step of an object through the event list's object filter. */
async function seekToFirstStepOf(page: Page, object: string) {
  await page.getByTestId('filter-object').selectOption(object)
  const first = page.getByTestId('event-row').first()
  const seq = Number(await first.getAttribute('data-seq'))
  await first.click()
  await expect(page.getByTestId('current-step')).toHaveAttribute('data-seq', String(seq))
  return seq
}

test('a vSphere Pod comes to life through the seed deck steps, and rewinding restores every status', async ({
  page,
  served,
}) => {
  await provisionDemo(page, served.url)
  const initial = await allStatuses(page)
  expect(initial['vc-1']).toBe('Ready')
  expect(initial['sv-1']).toBe('Absent')

  await seekToFirstStepOf(page, 'pod-1')
  await expect(page.getByTestId('node-pod-1')).toHaveAttribute('data-status', 'Submitted')
  await expect(page.getByTestId('step-seed')).toContainText('Seed deck step 1')
  const statuses: string[] = []
  const seeds: number[] = []
  for (let i = 0; i < 20 && (await statusOf(page, 'pod-1')) !== 'Running'; i++) {
    const seed = /Seed deck step (\d)/.exec((await page.getByTestId('step-detail').innerText()) ?? '')
    if (seed) seeds.push(Number(seed[1]))
    if (seed?.[1] === '2' && (await page.getByTestId('placement-table').count()) > 0) {
      // The placement step explains the host: one row per ESXi host, one of them picked.
      await expect(page.getByTestId('placement-table').locator('tbody tr')).toHaveCount(3)
      await expect(page.getByTestId('placement-explanation')).toContainText('esxi-0')
    }
    statuses.push((await statusOf(page, 'pod-1')) ?? '')
    await page.getByTestId('step-forward').click()
  }
  statuses.push((await statusOf(page, 'pod-1')) ?? '')
  // Every seed step appears, in order.
  expect([...new Set(seeds)]).toEqual([1, 2, 3, 4, 5, 6, 7])
  const seen = statuses.filter((s, i) => s !== statuses[i - 1])
  for (const want of ['Pending', 'Scheduled', 'Creating VM', 'Network ready', 'Pulling images', 'Running'])
    expect(seen).toContain(want)
  expect(seen.indexOf('Scheduled')).toBeLessThan(seen.indexOf('Creating VM'))
  expect(seen.indexOf('Pulling images')).toBeLessThan(seen.indexOf('Running'))
  await expect(page.getByTestId('step-text')).toContainText('Running')
  // The pod now shows on its host.
  await expect(page.getByTestId('chip-pod-1')).toBeVisible()

  // Step back one by one a little, then jump to the start with the keyboard.
  await page.getByTestId('step-back').click()
  await expect(page.getByTestId('node-pod-1')).not.toHaveAttribute('data-status', 'Running')
  await page.getByTestId('canvas').click({ position: { x: 5, y: 5 } })
  await page.keyboard.press('Home')
  await expect(page.getByTestId('current-step')).toHaveAttribute('data-seq', '0')
  expect(await allStatuses(page)).toEqual(initial)
  await expect(page.getByTestId('chip-pod-1')).toHaveCount(0)
})

test('a host failure injected mid-run branches the run and the pod on it is lost', async ({
  page,
  served,
}) => {
  await provisionDemo(page, served.url)
  await seekToFirstStepOf(page, 'pod-1')
  await page.getByTestId('filter-object').selectOption('')
  while ((await statusOf(page, 'pod-1')) !== 'Running') await page.getByTestId('step-forward').click()
  const host = await page
    .locator('[data-testid^="node-host-"]')
    .filter({ has: page.getByTestId('chip-pod-1') })
    .getAttribute('data-testid')
  const hostId = (host ?? '').replace('node-', '')
  expect(hostId).toMatch(/^host-\d$/)
  const at = await currentSeq(page)

  // From the host's context menu: fail it at the next step.
  await page.getByTestId(`node-${hostId}`).click({ button: 'right' })
  await page.getByTestId('menu-host-failure').click()
  await expect(page.getByTestId('current-step')).toHaveAttribute('data-seq', String(at + 1))
  await expect(page.getByTestId('run-picker').locator('option')).toHaveCount(2)
  await expect(page.getByTestId('run-picker').locator('option:checked')).toContainText(
    'Host failure of esxi-0',
  )
  await expect(page.getByTestId(`node-${hostId}`)).toHaveAttribute('data-status', 'Failed')
  await expect(page.getByTestId('step-text')).toContainText('fails')

  await page.getByTestId('step-forward').click()
  await expect(page.getByTestId('node-pod-1')).toHaveAttribute('data-status', 'Failed')
  await expect(page.getByTestId('step-failure')).toContainText('Fix:')
  await expect(page.getByTestId('chip-pod-1')).toHaveCount(0)

  // The original run is still there and untouched.
  await page.getByTestId('run-picker').selectOption({ index: 0 })
  await page.getByTestId('jump-end').click()
  await expect(page.getByTestId('node-pod-1')).toHaveAttribute('data-status', 'Running')
})

test('clicking the timeline seeks there; the event list and sequence diagram follow', async ({
  page,
  served,
}) => {
  await provisionDemo(page, served.url)
  const total = Number(/\/ (\d+)/.exec(await page.getByTestId('current-step').innerText())?.[1])
  const box = (await page.getByTestId('timeline').boundingBox())!
  await page.mouse.click(box.x + box.width / 2, box.y + box.height / 2)
  const seq = await currentSeq(page)
  expect(Math.abs(seq - total / 2)).toBeLessThanOrEqual(1)
  await expect(page.locator(`[data-testid="event-row"][data-seq="${seq}"]`)).toHaveClass(/is-current/)

  await page.getByRole('tab', { name: 'Sequence diagram' }).click()
  await expect(
    page.getByTestId('sequence-diagram').locator(`.seq-step.is-current[data-seq="${seq}"]`),
  ).toHaveCount(1)
  await page.keyboard.press('ArrowRight')
  await expect(page.getByTestId('current-step')).toHaveAttribute('data-seq', String(seq + 1))

  // The screenshot for the docs: one vSphere Pod's sequence, mid-flight.
  await page.getByRole('tab', { name: 'Events' }).click()
  await seekToFirstStepOf(page, 'pod-1')
  for (let i = 0; i < 4; i++) await page.getByTestId('step-forward').click()
  await page.getByRole('tab', { name: 'Sequence diagram' }).click()
  await expect(page.getByTestId('sequence-diagram').locator('.seq-step.is-current')).toHaveCount(1)
  await docsScreenshot(page, 'playback')
})

test('a run is stored with the lab: after a reload it is still listed and replays', async ({
  page,
  served,
}) => {
  await provisionDemo(page, served.url)
  const total = await page.getByTestId('current-step').innerText()
  await page.getByTestId('jump-end').click()
  await expect(page.getByTestId('node-pod-1')).toHaveAttribute('data-status', 'Running')
  const lastRows = await page.getByTestId('event-row').last().innerText()

  await page.reload()
  await expect(page.getByTestId('app-ready')).toBeVisible()
  const picker = page.getByTestId('run-picker')
  const stored = picker.locator('option', { hasText: 'Run 1 · seed 1' })
  await expect(stored).toHaveCount(1)
  await picker.selectOption((await stored.getAttribute('value')) ?? '')
  await expect(page.getByTestId('current-step')).toHaveAttribute('data-seq', '0')
  // The stored steps are the record: the same steps, and the pod comes up again on replay.
  await expect(page.getByTestId('current-step')).toHaveText(total)
  await page.getByTestId('fit-view').click()
  await expect(page.getByTestId('node-pod-1')).toHaveAttribute('data-status', 'Absent')
  await page.getByTestId('jump-end').click()
  await expect(page.getByTestId('node-pod-1')).toHaveAttribute('data-status', 'Running')
  expect(await page.getByTestId('event-row').last().innerText()).toBe(lastRows)
})
