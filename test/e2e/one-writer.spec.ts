import { expect, test } from './serve-fixture'

test('a one-node edit makes one request and one write of the lab store', async ({ page, served }) => {
  await page.goto(served.url)
  const app = page.getByTestId('app-ready')
  await expect(app).toBeVisible()
  await page.getByTestId('node-host-1').click()
  await expect(page.getByTestId('field-name')).toHaveValue('esxi-01')
  const writes = Number(await app.getAttribute('data-lab-writes'))
  const revision = Number(await app.getAttribute('data-revision'))

  const requests: string[] = []
  page.on('request', (r) => {
    const path = new URL(r.url()).pathname
    if (path.startsWith('/api/') && path !== '/api/events') requests.push(path.slice('/api/'.length))
  })
  await page.getByTestId('field-name').fill('esxi-renamed')
  await page.getByTestId('field-name').press('Enter')
  await expect(page.getByTestId('node-host-1')).toContainText('esxi-renamed')
  // Anything the edit set off would be asked for by now.
  await page.waitForTimeout(1000)

  expect(requests).toEqual(['applyEdits'])
  await expect(app).toHaveAttribute('data-revision', String(revision + 1))
  await expect(app).toHaveAttribute('data-lab-writes', String(writes + 1))
})
