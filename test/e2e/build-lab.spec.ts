import { expect, test } from './serve-fixture'
import {
  clearLab,
  dragFromPalette,
  labNodes,
  nodeIds,
  parentOf,
  pointIn,
  unfoldProblems,
} from './canvas-helpers'
import type { Page } from '@playwright/test'
import { docsScreenshot } from './docs-screenshot'

const fitView = (page: Page) => page.getByTestId('fit-view').click()
/** Clicks a container on its header, where no child covers it. */
const clickHeader = (page: Page, id: string) =>
  page.getByTestId(`node-${id}`).click({ position: { x: 60, y: 14 } })

const ERRORS_OR_WARNINGS =
  '[data-testid="problem-row"]:is([data-severity="error"], [data-severity="warning"])'
const problemOn = (page: Page, code: string, id: string) =>
  page.locator(`[data-testid="problem-row"][data-code="${code}"][data-object="${id}"]`)

/**
 * Fixes what the real rules find in a palette-built lab, each from its row in the problems
 * panel to the inspector, with the mouse: the Supervisor's storage policy, the namespace's VM
 * class and storage policy, and a content library holding the VM's image.
 */
async function fixRemainingProblems(page: Page, lab: Awaited<ReturnType<typeof buildSeedDeck>>) {
  const inspector = page.getByTestId('inspector')
  const [, , vm, tkc] = lab.workloads as [string, string, string, string]
  const policy = (await labNodes(page)).find((n) => n.id === lab.sp)?.name ?? ''

  const svPolicy = problemOn(page, 'supervisor-storage-policy-missing', lab.sv)
  await expect(svPolicy).toHaveAttribute('data-severity', 'warning')
  await svPolicy.click()
  await expect(inspector).toContainText('Supervisor')
  await page.getByTestId('field-controlPlaneStoragePolicy').selectOption(policy)
  await expect(svPolicy).toHaveCount(0)

  // The VM and the TKC ask for a class and storage the namespace does not offer yet.
  const bound = problemOn(page, 'vm-class-or-storage-not-bound', vm).first()
  await expect(bound).toHaveAttribute('data-severity', 'error')
  await bound.click()
  await expect(inspector).toContainText('VM')
  await expect(page.getByTestId('field-className')).toHaveValue('best-effort-small')
  await fitView(page)
  await clickHeader(page, lab.ns)
  await page.getByTestId('add-vmClasses').selectOption('best-effort-small')
  await expect(page.getByTestId('field-vmClasses')).toContainText('best-effort-small')
  await page.getByTestId('add-storage').click()
  await page.getByTestId('field-storage.0.policy').selectOption(policy)
  await expect(problemOn(page, 'vm-class-or-storage-not-bound', vm)).toHaveCount(0)
  await expect(problemOn(page, 'vm-class-or-storage-not-bound', tkc)).toHaveCount(0)

  // The VM's image must come from a content library the namespace uses.
  const image = problemOn(page, 'vm-image-not-in-library', vm)
  await image.click()
  await expect(page.getByTestId('field-image')).toHaveValue('ubuntu-22.04-server')
  await fitView(page)
  const library = await dragFromPalette(
    page,
    'content-library',
    await pointIn(page, `node-${lab.sp}`, 20, 20),
  )
  expect(await parentOf(page, library)).toBe(lab.vc)
  await page.getByTestId(`node-${library}`).click()
  await page.getByTestId('add-images').selectOption('ubuntu-22.04-server')
  await expect(page.getByTestId('field-images')).toContainText('ubuntu-22.04-server')
  await fitView(page)
  await clickHeader(page, lab.ns)
  const libraryName = (await labNodes(page)).find((n) => n.id === library)?.name ?? ''
  await page.getByTestId('add-contentLibraries').selectOption(libraryName)
  await expect(image).toHaveCount(0)

  // Nothing left to fix: the panel folds to its counts; the notes are still there, unfolded.
  await expect(page.getByTestId('problems')).toHaveAttribute('data-folded', 'true')
  await expect(page.getByTestId('problem-counts')).toContainText('0 errors · 0 warnings')
  await unfoldProblems(page)
  await expect(page.locator(ERRORS_OR_WARNINGS)).toHaveCount(0)
  await expect(page.locator('[data-testid="problem-row"][data-severity="info"]').first()).toBeVisible()
}

/** Builds the seed deck from the palette alone; returns the ids by role. */
async function buildSeedDeck(page: Page) {
  const pane = await pointIn(page, 'canvas', 80, 60)
  const vc = await dragFromPalette(page, 'vcenter', pane)
  const cl = await dragFromPalette(page, 'cluster', await pointIn(page, `node-${vc}`, 40, 60))
  const hosts = []
  for (let i = 0; i < 3; i++)
    hosts.push(await dragFromPalette(page, 'host', await pointIn(page, `node-${cl}`, 40, 60)))
  await fitView(page)
  const net = await dragFromPalette(page, 'network', await pointIn(page, `node-${vc}`, 40, -12))
  const sp = await dragFromPalette(page, 'storage-policy', await pointIn(page, `node-${net}`, 20, 20))
  await fitView(page)
  // The deck's cluster starts with HA off, which the Supervisor will not accept.
  await clickHeader(page, cl)
  await page.getByTestId('field-haEnabled').uncheck()
  await expect(page.getByTestId(`node-${cl}`)).toContainText('HA off')
  const below = await pointIn(page, `node-${vc}`, 20, -1)
  const sv = await dragFromPalette(page, 'supervisor', { x: below.x, y: below.y + 60 })
  await fitView(page)
  const ns = await dragFromPalette(page, 'namespace', await pointIn(page, `node-${sv}`, 40, 60))
  await fitView(page)
  const workloads = []
  for (const kind of ['pod', 'pod', 'vm', 'tkc']) {
    workloads.push(await dragFromPalette(page, kind, await pointIn(page, `node-${ns}`, 40, 60)))
    await fitView(page)
  }
  return { vc, cl, hosts, net, sp, sv, ns, workloads }
}

test('the seed deck is built from the palette, checked, fixed, undone, redone and kept', async ({
  page,
  served,
}) => {
  await page.goto(served.url)
  await expect(page.getByTestId('app-ready')).toBeVisible()
  await clearLab(page)

  const lab = await buildSeedDeck(page)
  // Containment is what vSphere has: hosts in the cluster, workloads in the namespace.
  for (const host of lab.hosts) expect(await parentOf(page, host)).toBe(lab.cl)
  expect(await parentOf(page, lab.cl)).toBe(lab.vc)
  expect(await parentOf(page, lab.ns)).toBe(lab.sv)
  for (const w of lab.workloads) expect(await parentOf(page, w)).toBe(lab.ns)
  // The platform's own objects appear read-only: control plane, API VIP, namespace network, Spherelets.
  await expect(page.locator('[data-readonly][data-kind="control-plane-vm"]')).toHaveCount(4)
  await expect(page.locator('[data-readonly][data-kind="namespace-network"]')).toHaveCount(1)
  await expect(page.getByTestId(`derived-spherelet-${lab.hosts[0]}`)).toBeVisible()

  // The Supervisor bound itself to the only cluster, so the HA rule shows up in the panel.
  const row = page.locator('[data-testid="problem-row"][data-code="cluster-ha-drs"]')
  await expect(row).toHaveAttribute('data-object', lab.cl)
  await expect(row).toHaveAttribute('data-severity', 'error')
  await expect(page.getByTestId(`node-${lab.cl}`).getByTestId('problem-badge')).toBeVisible()
  await page.getByTestId('canvas').click({ position: { x: 5, y: 5 } })
  await row.click()
  await expect(page.getByTestId('inspector')).toContainText('vSphere cluster')
  await page.getByTestId('field-haEnabled').check()
  await expect(row).toHaveCount(0)
  await fixRemainingProblems(page, lab)

  // A bad name is refused at the field and nothing is stored.
  await clickHeader(page, lab.ns)
  await page.getByTestId('field-name').fill('Finance_Team')
  await page.getByTestId('field-name').press('Enter')
  await expect(page.getByTestId('inspector')).toContainText('upper-case')
  await page.getByTestId('field-name').fill('finance')
  await page.getByTestId('field-name').press('Enter')
  await expect(page.getByTestId(`node-${lab.ns}`)).toContainText('finance')
  await fitView(page)
  await page.getByTestId('canvas').click({ position: { x: 5, y: 5 } })
  await docsScreenshot(page, 'built-lab')

  const built = (await nodeIds(page)).sort()
  expect(built).toHaveLength(14)
  // Every step undoes, newest first, back to the empty lab: the rename, the six fixes (the
  // library's drop among them), HA on, six drops, HA off, seven drops. The count of objects
  // after each step shows which one was undone.
  const counts = [14, 14, 14, 13, 13, 13, 13, 13, 12, 11, 10, 9, 8, 7, 7, 6, 5, 4, 3, 2, 1, 0]
  const steps = counts.length
  for (const [i, count] of counts.entries()) {
    if (i % 2 === 0) await page.getByTestId('undo').click()
    else await page.keyboard.press('Control+z')
    await expect.poll(async () => (await nodeIds(page)).length).toBe(count)
  }
  await expect(page.getByTestId('undo')).toBeEnabled() // the demo lab's deletion is still undoable
  await expect(page.locator('[data-testid^="node-"]')).toHaveCount(0)
  // ...and redoes back to the built lab, exactly.
  for (let i = 0; i < steps; i++) await page.keyboard.press(i % 2 ? 'Control+Shift+z' : 'Control+y')
  await expect.poll(async () => (await nodeIds(page)).sort()).toEqual(built)
  await expect(page.getByTestId(`node-${lab.ns}`)).toContainText('finance')

  // Reloading the page finds the lab as it was.
  await page.reload()
  await expect(page.getByTestId('app-ready')).toBeVisible()
  await expect.poll(async () => (await nodeIds(page)).sort()).toEqual(built)
  await expect(page.locator(ERRORS_OR_WARNINGS)).toHaveCount(0)

  // Duplicating the namespace copies its workloads, renamed.
  await clickHeader(page, lab.ns)
  await page.keyboard.press('Control+d')
  await expect.poll(async () => (await nodeIds(page)).length).toBe(built.length + 5)
  const nodes = await labNodes(page)
  const copy = nodes.find((n) => n.name === 'finance-copy')
  expect(copy?.parentId).toBe(lab.sv)
  const copied = nodes.filter((n) => n.parentId === copy?.id).map((n) => n.kind)
  expect(copied.sort()).toEqual(['pod', 'pod', 'tkc', 'vm'])
  await expect(page.getByTestId(`node-${copy?.id}`)).toContainText('finance-copy')
})
