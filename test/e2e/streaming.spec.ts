import type { Page } from '@playwright/test'

import { generateLargeLab } from '../../src/shared/domain/large-lab'
import { expect, test, type ServedLab } from './serve-fixture'

/** Replaces the served demo lab with the generated 10,000-pod lab (one edit, through the API). */
async function openLargeLab(page: Page, served: ServedLab) {
  const call = async (method: string, data: unknown) => {
    const res = await page.request.post(`${served.origin}/api/${method}`, {
      data,
      headers: { authorization: `Bearer ${served.token}` },
    })
    const body = (await res.json()) as { ok: boolean; value: unknown; error?: { message: string } }
    if (!body.ok) throw new Error(`${method}: ${body.error?.message}`)
    return body.value
  }
  const demo = (await call('getTopology', {})) as { topology: { nodes: unknown[]; links: unknown[] } }
  const large = generateLargeLab({ hosts: 64, namespaces: 50, pods: 10_000 }).topology
  await call('applyEdits', {
    batch: {
      label: 'Open the 10,000-pod lab',
      edits: [
        { type: 'removeNodes', nodes: demo.topology.nodes, links: demo.topology.links },
        { type: 'addNodes', nodes: large.nodes, links: large.links },
      ],
    },
  })
}

// A page script as a string: this file is compiled without the DOM library.
/** Once step 1 is in the event list: what the planning progress said in that same frame. */
const PROGRESS_WHEN_STEP_ONE_SHOWS = `new Promise((resolve) => {
  const check = () => {
    if (!document.querySelector('[data-testid="event-row"][data-seq="1"]')) return requestAnimationFrame(check)
    const progress = document.querySelector('[data-testid="run-progress"]')
    resolve({ phase: progress ? progress.getAttribute('data-phase') : 'none', text: progress ? progress.textContent : '' })
  }
  check()
})`

test('provisioning the 10,000-pod lab shows step 1 while planning goes on, and Cancel leaves no run', async ({
  page,
  served,
}) => {
  test.setTimeout(240_000)
  await openLargeLab(page, served)
  await page.goto(served.url)
  await expect(page.getByTestId('app-ready')).toBeVisible({ timeout: 90_000 })
  await page.getByTestId('provision').click()
  const seen = await page.evaluate<{ phase: string; text: string }>(PROGRESS_WHEN_STEP_ONE_SHOWS)
  // Checked in the same frame as step 1 appeared: the planner had not finished.
  expect(seen.phase).toBe('planning')
  expect(seen.text).toMatch(/Planning… [\d,]+ steps/)
  await page.getByTestId('cancel-run').click()
  await expect(page.getByTestId('run-progress')).toHaveCount(0)
  await expect(page.getByText('Press Provision to watch the platform build this lab')).toBeVisible()
  // Nothing of the cancelled run is listed (test/unit/run-streaming.test.ts reopens the file).
  await expect(page.getByTestId('run-picker')).toHaveCount(0)
})
