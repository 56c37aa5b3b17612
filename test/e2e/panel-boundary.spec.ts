import { expect, test } from './serve-fixture'

test('a panel that throws is replaced by a note, and the lab stays open (issue 14, item 6)', async ({
  page,
  served,
}) => {
  const errors: string[] = []
  page.on('pageerror', (e) => errors.push(e.message))
  // A reply the playback panel cannot draw: a stored run without its summary.
  await page.route('**/api/listRuns', (route) =>
    route.fulfill({
      json: {
        ok: true,
        value: { runs: [{ id: 'run-x', label: 'Broken run', stepCount: 1, parentId: null }] },
      },
    }),
  )
  await page.goto(served.url)
  await expect(page.getByTestId('app-ready')).toBeVisible()
  const note = page.locator('[data-testid="panel-error"][data-panel="Playback"]')
  await expect(note).toBeVisible()
  await expect(note).toContainText('The Playback panel failed.')
  // The rest of the lab goes on: the canvas shows the lab and the inspector follows a selection.
  await expect(page.getByTestId('node-host-1')).toBeVisible()
  await page.getByTestId('node-host-1').click()
  await expect(page.getByTestId('inspector')).toContainText('esxi-01')
  await expect(page.locator('[data-testid="panel-error"]')).toHaveCount(1)
  expect(errors).toEqual([])
})
