import type { Page } from '@playwright/test'

import { clearLab, unfoldProblems } from './canvas-helpers'
import { expectNoIds as expectNoIdsOf } from './id-scan'
import { buildWithKeyboard } from './keyboard-lab'
import { expect, test } from './serve-fixture'

/** Calls the service as the page does, with its token. */
const api =
  (page: Page) =>
  async <T>(method: string, input: unknown): Promise<T> => {
    const url = new URL(page.url())
    const res = await page.request.post(`${url.origin}/api/${method}`, {
      data: input,
      headers: { authorization: `Bearer ${url.searchParams.get('token') ?? ''}` },
    })
    return ((await res.json()) as { value: T }).value
  }

const expectNoIds = (page: Page, where: string) => expectNoIdsOf(page, api(page), where)

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
