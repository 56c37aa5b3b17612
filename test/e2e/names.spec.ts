/// <reference lib="dom" />
// The callbacks given to page.evaluate run in the browser.
import type { Page } from '@playwright/test'

import { clearLab, labNodes, unfoldProblems } from './canvas-helpers'
import { buildWithKeyboard } from './keyboard-lab'
import { expect, test } from './serve-fixture'

/** Calls the service as the page does, with its token. */
async function api<T>(page: Page, method: string, input: unknown): Promise<T> {
  const url = new URL(page.url())
  const res = await page.request.post(`${url.origin}/api/${method}`, {
    data: input,
    headers: { authorization: `Bearer ${url.searchParams.get('token') ?? ''}` },
  })
  return ((await res.json()) as { value: T }).value
}

interface StepLite {
  object: string
  actor: string
  target: string
  effects: { id: string }[]
}

/** Every id of the lab and of its runs: objects, lanes' objects, records the steps touch. */
async function everyId(page: Page): Promise<string[]> {
  const ids = new Set((await labNodes(page)).map((n) => n.id))
  const { runs } = await api<{ runs: { id: string; stepCount: number }[] }>(page, 'listRuns', {})
  for (const run of runs) {
    ids.add(run.id)
    const { steps } = await api<{ steps: StepLite[] }>(page, 'getRunSteps', {
      runId: run.id,
      from: 1,
      count: run.stepCount,
    })
    for (const s of steps) {
      // A lane is a component (kube-apiserver), with the object it runs on after a colon.
      const lanes = [s.actor, s.target].map((lane) => lane.split(':')[1] ?? '')
      for (const part of [...s.object.split('/'), ...lanes]) if (part) ids.add(part)
      for (const e of s.effects) for (const part of e.id.split('/')) ids.add(part)
    }
  }
  // Keep what looks like an id a palette or the engine made (kind-random, or with digits).
  return [...ids].filter((id) => /^[a-z]+(-[a-z]+)*-[0-9a-z]{6,}$/.test(id) || id.startsWith('run-'))
}

/** What a person can read: the page's text, menus' options, diagram labels, tooltips and names. */
async function readableText(page: Page): Promise<string> {
  return page.evaluate(() => {
    const parts = [document.body.innerText]
    for (const el of document.querySelectorAll('option, svg text')) parts.push(el.textContent ?? '')
    for (const el of document.querySelectorAll('[title], [aria-label]'))
      parts.push(el.getAttribute('title') ?? '', el.getAttribute('aria-label') ?? '')
    return parts.join('\n')
  })
}

async function expectNoIds(page: Page, where: string) {
  const text = await readableText(page)
  const shown = (await everyId(page)).filter((id) => text.includes(id))
  const context = shown.map((id) => text.slice(Math.max(0, text.indexOf(id) - 80), text.indexOf(id) + 40))
  expect(shown, `ids shown ${where}: ${context.join(' | ')}`).toEqual([])
}

test('a lab built from the palette, provisioned, played and branched shows names, never ids', async ({
  page,
  served,
}) => {
  await page.goto(served.url)
  await expect(page.getByTestId('app-ready')).toBeVisible()
  await clearLab(page)
  const lab = await buildWithKeyboard(page)
  // Palette ids are random: the scan below has something to find if any leaks.
  expect(lab.hosts[0]?.id).toMatch(/^host-[0-9a-z]{6,}$/)
  await unfoldProblems(page)
  await expectNoIds(page, 'in the editor')

  await page.getByTestId('provision').click()
  await expect(page.getByTestId('current-step')).toBeVisible()
  await page.getByTestId('play').click()
  await expect
    .poll(async () => Number(await page.getByTestId('current-step').getAttribute('data-seq')))
    .toBeGreaterThan(3)
  await page.getByTestId('pause').click()
  await expectNoIds(page, 'in the event list')

  // A fault on a host: the branch's label names the host.
  await page.getByTestId('fault-kind').selectOption('host-failure')
  await page.getByTestId('fault-target').selectOption({ label: lab.hosts[1]!.name })
  await page.getByTestId('inject-fault').click()
  await expect(page.getByTestId('run-picker').locator('option:checked')).toContainText(
    `Host failure of ${lab.hosts[1]!.name}`,
  )
  await page.getByTestId('jump-end').click()
  await expectNoIds(page, 'after a fault')

  // The object filter offers objects by name and kind.
  const pod = lab.workloads[0]!
  await page.getByTestId('filter-object').selectOption({ label: `${pod.name} (vSphere Pod)` })
  await expect(page.getByTestId('event-row').first()).toBeVisible()
  await page.getByRole('tab', { name: 'Sequence diagram' }).click()
  await expectNoIds(page, 'in the sequence diagram')
})
