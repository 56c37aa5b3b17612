import type { Page } from '@playwright/test'

import { labNodes } from './canvas-helpers'
import { expect, test } from './serve-fixture'
import { docsScreenshot } from './docs-screenshot'

/** Indented one space too far, so `labels` cannot belong anywhere: a YAML syntax error. */
const BAD_INDENT = 'apiVersion: v1\nkind: Namespace\nmetadata:\n  name: sales\n   labels: {}\n'

const NEW_POD = `apiVersion: v1
kind: Pod
metadata:
  name: web
  namespace: finance
spec:
  containers:
    - name: web
      image: nginx:1.27
`
/** The import names a new node `<kind prefix>-<namespace>-<name>`. */
const NEW_POD_NODE = 'node-pod-finance-web'

// Counted from the service: the canvas renders only the nodes in view.
const nodeCount = async (page: Page) => (await labNodes(page)).length

/** Drops a file on the dialog as a user dragging it from the file manager would. */
async function dropFile(page: Page, testId: string, name: string, content: string) {
  // A string, as this spec is type-checked without the DOM library; it runs in the page.
  const transfer = await page.evaluateHandle(
    `(() => {
      const dt = new DataTransfer()
      dt.items.add(new File([${JSON.stringify(content)}], ${JSON.stringify(name)}, { type: 'application/yaml' }))
      return dt
    })()`,
  )
  await page.getByTestId(testId).dispatchEvent('dragover', { dataTransfer: transfer })
  await page.getByTestId(testId).dispatchEvent('drop', { dataTransfer: transfer })
}

test('export shows each file with a live preview, versions and coverage, and copies', async ({
  page,
  context,
  served,
}) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: served.origin })
  await page.goto(served.url)
  await expect(page.getByTestId('app-ready')).toBeVisible()

  await page.getByTestId('export-open').click()
  const dialog = page.getByTestId('export-dialog')
  await expect(dialog).toBeVisible()
  await expect(page.getByTestId('export-file').first()).toBeVisible()
  const preview = page.getByTestId('export-preview')
  await expect(preview).toContainText('kind: Namespace')
  await expect(preview).toContainText('vmoperator.vmware.com/v1alpha3')
  await expect(page.getByTestId('export-problems')).toContainText('Every object passes its schema check')
  await docsScreenshot(page, 'export')

  await page.getByTestId('export-vm-api').selectOption('v1alpha2')
  await expect(preview).toContainText('vmoperator.vmware.com/v1alpha2')
  await expect(preview).not.toContainText('vmoperator.vmware.com/v1alpha3')

  const coverage = page.getByTestId('export-coverage')
  await coverage.locator('summary').click()
  await expect(coverage).toContainText('real schema: vmoperator.vmware.com/v1alpha2 VirtualMachine')
  await expect(coverage).toContainText(
    'no public schema: run.tanzu.vmware.com/v1alpha3 TanzuKubernetesCluster',
  )

  await page.getByTestId('export-copy').click()
  await expect(page.getByTestId('export-status')).toContainText('Copied manifests.yaml')
  const copied = await page.evaluate<string>('navigator.clipboard.readText()')
  expect(copied).toContain('vmoperator.vmware.com/v1alpha2')

  await page.getByTestId('export-close').click()
  await expect(dialog).toBeHidden()
  // The keyboard way in: Ctrl+E opens it again, Escape closes it.
  await page.keyboard.press('Control+e')
  await expect(dialog).toBeVisible()
  await page.keyboard.press('Escape')
  await expect(dialog).toBeHidden()
})

test('a refused export names each object and why, and takes you to it in the lab', async ({
  page,
  served,
}) => {
  await page.goto(served.url)
  await expect(page.getByTestId('app-ready')).toBeVisible()
  const find = async (name: string) => {
    await page.keyboard.press('Control+f')
    await page.getByTestId('search').fill(name)
    await page.getByTestId('search').press('Enter')
    await expect(page.getByTestId('inspector').locator('h2')).toContainText(name)
  }
  // vCenter 7.0U1 has no VM Service yet (it came with 7.0U2a): the VM cannot be exported.
  await find('vcenter-01')
  // The version is a choice: the platform profiles first, then the table's other versions.
  await page.getByTestId('field-version').selectOption('7.0U1')
  await find('tkc-01')
  await page.getByTestId('export-open').click()
  const refused = page.getByTestId('export-refused')
  await expect(refused).toContainText('legacy-db')
  await expect(refused).toContainText('has no VM Service')
  await expect(page.getByTestId('export-problems')).not.toContainText('Every object passes')
  await refused.locator('li.sev-error', { hasText: 'legacy-db' }).getByTestId('export-show-object').click()
  await expect(page.getByTestId('export-dialog')).toBeHidden()
  await expect(page.getByTestId('inspector').locator('h2')).toContainText('legacy-db')
})

test('import refuses a bad file with line and column and changes nothing; a good one adds a node, undone in one step', async ({
  page,
  served,
}) => {
  await page.goto(served.url)
  await expect(page.getByTestId('app-ready')).toBeVisible()
  await expect(page.getByTestId('node-ns-1')).toBeVisible()
  const before = await nodeCount(page)

  await page.getByTestId('import-open').click()
  await expect(page.getByTestId('import-dialog')).toBeVisible()
  await page
    .getByTestId('import-files')
    .setInputFiles({ name: 'bad.yaml', mimeType: 'application/yaml', buffer: Buffer.from(BAD_INDENT) })
  const errors = page.getByTestId('import-errors')
  await expect(errors).toContainText('bad.yaml:4:9')
  await expect(errors).toContainText('nothing will be imported')
  await expect(page.getByTestId('import-apply')).toBeDisabled()
  await expect(page.getByTestId('import-summary')).toHaveCount(0)
  expect(await nodeCount(page)).toBe(before)

  await dropFile(page, 'import-dialog', 'pod.yaml', NEW_POD)
  await expect(page.getByTestId('import-file-list')).toContainText('pod.yaml')
  await expect(errors).toHaveCount(0)
  await expect(page.getByTestId('import-summary')).toContainText('add pod finance/web')
  await expect(page.getByTestId(NEW_POD_NODE)).toHaveCount(0)
  await docsScreenshot(page, 'import')
  await page.getByTestId('import-apply').click()
  await expect(page.getByTestId('import-done')).toContainText('Import add pod finance/web')
  await expect(page.getByTestId(NEW_POD_NODE)).toBeVisible()
  await expect(page.getByTestId(NEW_POD_NODE)).toHaveAttribute('data-kind', 'pod')
  expect(await nodeCount(page)).toBe(before + 1)

  // The import was one edit: one undo takes the whole of it back.
  await page.getByTestId('import-undo').click()
  await expect(page.getByTestId(NEW_POD_NODE)).toHaveCount(0)
  expect(await nodeCount(page)).toBe(before)
  // Undone, the same files can be imported again.
  await expect(page.getByTestId('import-summary')).toContainText('add pod finance/web')
  await page.getByTestId('import-close').click()
  await expect(page.getByTestId('import-dialog')).toBeHidden()
})
