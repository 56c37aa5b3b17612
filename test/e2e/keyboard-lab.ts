import type { Page } from '@playwright/test'

import { labNodes, nodeIds } from './canvas-helpers'
import { expect } from './serve-fixture'

/** Selects an object by name the keyboard way: Ctrl+F, the name, Enter, Escape. */
export async function selectByName(page: Page, name: string) {
  await page.keyboard.press('Control+f')
  await page.getByTestId('search').fill(name)
  await page.getByTestId('search').press('Enter')
  await page.keyboard.press('Escape')
  await expect(page.getByTestId('inspector').locator('h2')).toContainText(name)
}

/**
 * Adds a kind from the palette with the keyboard (Enter on the palette item adds it into the
 * selected container), as a new user may; the object gets a random id like a dragged one.
 * Returns its id and name.
 */
export async function addWithKeyboard(page: Page, kind: string, into?: string) {
  if (into) await selectByName(page, into)
  else await page.keyboard.press('Escape')
  const before = new Set(await nodeIds(page))
  await page.getByTestId(`palette-${kind}`).focus()
  await page.keyboard.press('Enter')
  await expect.poll(async () => (await nodeIds(page)).filter((id) => !before.has(id)).length).toBe(1)
  const created = (await labNodes(page)).find((n) => !before.has(n.id))
  if (!created) throw new Error(`no ${kind} was added`)
  // The app selects what it added once the lab has it: wait for that before the next key.
  await expect(page.getByTestId('inspector').locator('h2')).toContainText(created.name)
  return created
}

/** Builds a small lab from the palette alone: a vCenter with three hosts, a Supervisor, workloads. */
export async function buildWithKeyboard(page: Page) {
  const vc = await addWithKeyboard(page, 'vcenter')
  const cl = await addWithKeyboard(page, 'cluster', vc.name)
  const hosts = []
  for (let i = 0; i < 3; i++) hosts.push(await addWithKeyboard(page, 'host', cl.name))
  await addWithKeyboard(page, 'network', vc.name)
  await addWithKeyboard(page, 'storage-policy', vc.name)
  const sv = await addWithKeyboard(page, 'supervisor')
  const ns = await addWithKeyboard(page, 'namespace', sv.name)
  const workloads = []
  for (const kind of ['pod', 'deployment', 'vm']) workloads.push(await addWithKeyboard(page, kind, ns.name))
  return { vc, cl, hosts, sv, ns, workloads }
}
