import { chmodSync, mkdirSync, rmSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'

import type { Page } from '@playwright/test'

import { loadDemoLab } from '../../src/node/demo-lab'
import { LabFile } from '../../src/node/persistence/lab-file'
import { docsScreenshot } from './docs-screenshot'
import { expect, test } from './serve-fixture'

/**
 * The menu bar serve mode draws from the shared menu description: opened, moved and closed from
 * the keyboard, and each File command done through the page's own file browser (`listFolder`).
 */

const menu = (page: Page, label: string) => page.getByRole('menu', { name: label })
const item = (page: Page, label: RegExp | string) => page.getByRole('menuitem', { name: label })
/** Chooses Top > Item with the mouse. */
async function choose(page: Page, top: string, label: RegExp | string) {
  await page.getByTestId(`menu-${top.toLowerCase()}`).click()
  await menu(page, top).getByRole('menuitem', { name: label }).click()
}
const browser = (page: Page) => page.getByTestId('file-browser')
const entry = (page: Page, name: string) =>
  browser(page).locator(`[data-testid="file-entry"][data-name="${name}"]`)
const labName = (page: Page) => page.locator('.lab-name')
/** The open lab's file, as the service says (a copy keeps its lab's name). */
async function labPath(page: Page): Promise<string | null> {
  const url = new URL(page.url())
  const res = await page.request.post(`${url.origin}/api/getTopology`, {
    data: {},
    headers: { authorization: `Bearer ${url.searchParams.get('token') ?? ''}` },
  })
  return ((await res.json()) as { value: { path: string | null } }).value.path
}

/** A folder of labs beside the data folder's demo: a lab, a sub-folder, and files that are no labs. */
function labsFolder(dataDir: string) {
  const labs = join(dataDir, 'labs')
  mkdirSync(join(labs, 'sub'), { recursive: true })
  mkdirSync(join(labs, '.hidden'), { recursive: true })
  LabFile.create(join(labs, 'existing.pacificlab'), { ...loadDemoLab(), name: 'existing' }).close()
  writeFileSync(join(labs, 'notes.txt'), 'not a lab')
  return labs
}

test('the menu bar opens, moves and closes from the keyboard and shows its keys with Ctrl', async ({
  page,
  served,
}) => {
  await page.goto(served.url)
  await expect(page.getByTestId('app-ready')).toBeVisible()
  const bar = page.getByRole('menubar', { name: 'Application menu' })
  await expect(bar.getByRole('menuitem')).toHaveText(['File', 'Edit', 'View', 'Run', 'Help'])

  await page.keyboard.press('F10')
  await expect(page.getByTestId('menu-file')).toBeFocused()
  await page.keyboard.press('ArrowDown')
  await expect(item(page, /^New Lab…/)).toBeFocused()
  await expect(item(page, /^New Lab…/)).toContainText('Ctrl+N')
  await expect(item(page, /^Save As…/)).toContainText('Ctrl+Shift+S')
  await page.keyboard.press('ArrowRight')
  await expect(menu(page, 'Edit')).toBeVisible()
  await expect(menu(page, 'File')).toHaveCount(0)
  await page.keyboard.press('ArrowUp')
  await expect(item(page, /^Find…/)).toBeFocused()
  // Escape closes every menu and gives the focus back; the selection is left alone.
  await page.keyboard.press('Escape')
  await expect(page.getByRole('menu')).toHaveCount(0)
  await expect(page.getByTestId('menu-edit')).not.toBeFocused()

  // A tap of Alt goes to the bar as F10 does; Enter opens, Right enters Open Recent, Escape closes all.
  await page.keyboard.press('Alt')
  await expect(page.getByTestId('menu-file')).toBeFocused()
  await page.keyboard.press('Enter')
  await page.keyboard.press('ArrowDown')
  await page.keyboard.press('ArrowDown')
  await expect(item(page, 'Open Recent')).toBeFocused()
  await page.keyboard.press('ArrowRight')
  await expect(menu(page, 'Open Recent')).toBeVisible()
  await page.keyboard.press('Escape')
  await expect(page.getByRole('menu')).toHaveCount(0)

  // Enter runs an item: File > Import Manifests… opens the import dialog.
  await page.keyboard.press('F10')
  await page.keyboard.press('ArrowDown')
  for (let i = 0; i < 4; i++) await page.keyboard.press('ArrowDown')
  await expect(item(page, /^Import Manifests…/)).toBeFocused()
  await page.keyboard.press('Enter')
  await expect(page.getByTestId('import-dialog')).toBeVisible()
  await page.keyboard.press('Escape')
  await expect(page.getByTestId('import-dialog')).toBeHidden()

  // The items' keys work without opening a menu.
  await page.keyboard.press('Control+o')
  await expect(browser(page)).toHaveAttribute('data-mode', 'open-lab')
  await page.keyboard.press('Escape')
  await expect(browser(page)).toBeHidden()
})

test('File > New names a lab in a folder the browser lists, and asks before replacing one', async ({
  page,
  served,
}) => {
  const labs = labsFolder(served.dataDir)
  await page.goto(served.url)
  await expect(page.getByTestId('app-ready')).toBeVisible()

  await choose(page, 'File', /^New Lab…/)
  await expect(browser(page)).toHaveAttribute('data-mode', 'new-lab')
  await expect(page.getByTestId('file-path')).toHaveText(served.dataDir)
  await entry(page, 'labs').click()
  await expect(page.getByTestId('file-path')).toHaveText(labs)
  // Folders and lab files only: no other file, nothing hidden.
  const listed = browser(page).getByTestId('file-entry')
  await expect(listed).toHaveCount(2)
  await expect(entry(page, 'sub')).toHaveAttribute('data-kind', 'folder')
  await expect(entry(page, 'existing.pacificlab')).toHaveAttribute('data-kind', 'lab')
  await page.getByTestId('file-up').click()
  await expect(page.getByTestId('file-path')).toHaveText(served.dataDir)
  await entry(page, 'labs').click()

  await page.getByTestId('file-name').fill('fresh')
  await page.getByTestId('file-browser-submit').click()
  await expect(browser(page)).toBeHidden()
  await expect(labName(page)).toHaveText('fresh')
  await expect(page.locator('[data-testid^="node-"]')).toHaveCount(0)

  // A name that is taken: asked first, kept on "Keep it", replaced on "Replace".
  await choose(page, 'File', /^New Lab…/)
  await expect(page.getByTestId('file-path')).toHaveText(labs)
  await entry(page, 'existing.pacificlab').click()
  await expect(page.getByTestId('file-name')).toHaveValue('existing')
  await page.getByTestId('file-browser-submit').click()
  await expect(page.getByTestId('file-replace')).toContainText('existing.pacificlab already exists')
  await page.getByTestId('file-replace-cancel').click()
  await expect(page.getByTestId('file-replace')).toBeHidden()
  await expect(labName(page)).toHaveText('fresh')
  await page.getByTestId('file-browser-submit').click()
  await page.getByTestId('file-replace-confirm').click()
  await expect(browser(page)).toBeHidden()
  await expect(labName(page)).toHaveText('existing')
  await expect(page.locator('[data-testid^="node-"]')).toHaveCount(0)
})

test('File > Open says which folder cannot be listed; Save As copies the lab; Open Recent brings one back', async ({
  page,
  served,
}) => {
  const labs = labsFolder(served.dataDir)
  mkdirSync(join(labs, 'gone'))
  mkdirSync(join(labs, 'locked'))
  await page.goto(served.url)
  await expect(page.getByTestId('app-ready')).toBeVisible()

  await choose(page, 'File', /^Open…/)
  await entry(page, 'labs').click()
  await expect(entry(page, 'gone')).toBeVisible()
  // The folder went away after it was listed: the error names it, the listing stays.
  rmSync(join(labs, 'gone'), { recursive: true })
  await entry(page, 'gone').click()
  await expect(page.getByTestId('file-browser-error')).toHaveText(
    `The folder ${join(labs, 'gone')} does not exist.`,
  )
  await expect(page.getByTestId('file-path')).toHaveText(labs)
  // Permission denied (root reads every folder, so only another user can see this one refused).
  if (process.getuid?.() !== 0) {
    chmodSync(join(labs, 'locked'), 0o000)
    await entry(page, 'locked').click()
    await expect(page.getByTestId('file-browser-error')).toContainText('cannot be read: permission denied')
    chmodSync(join(labs, 'locked'), 0o755)
  }
  await entry(page, 'existing.pacificlab').click()
  await expect(page.getByTestId('file-picked')).toHaveText(join(labs, 'existing.pacificlab'))
  await page.getByTestId('file-browser-submit').click()
  await expect(browser(page)).toBeHidden()
  await expect(labName(page)).toHaveText('existing')
  await expect(page.getByTestId('node-host-1')).toBeVisible()

  const original = join(labs, 'existing.pacificlab')
  await expect.poll(() => labPath(page)).toBe(original)

  // Save As: a copy beside it, which is then the lab open (it keeps the lab's name).
  await choose(page, 'File', /^Save As…/)
  await expect(page.getByTestId('file-path')).toHaveText(labs)
  await expect(page.getByTestId('file-name')).toHaveValue('existing copy')
  await page.getByTestId('file-name').press('Enter')
  await expect(browser(page)).toBeHidden()
  await expect.poll(() => labPath(page)).toBe(join(labs, 'existing copy.pacificlab'))
  await expect(page.getByTestId('node-host-1')).toBeVisible()

  await page.getByTestId('menu-file').click()
  await item(page, 'Open Recent').hover()
  const recent = menu(page, 'Open Recent')
  await expect(recent.getByRole('menuitem', { name: `existing (${original})` })).toBeVisible()
  await recent.getByRole('menuitem', { name: `existing (${original})`, exact: true }).click()
  await expect(page.getByRole('menu')).toHaveCount(0)
  await expect.poll(() => labPath(page)).toBe(original)
})

test('Edit, View, Run and Help do what the Electron menu does, and the menus are pictured in both themes', async ({
  page,
  served,
}) => {
  await page.goto(served.url)
  await expect(page.getByTestId('app-ready')).toBeVisible()

  await choose(page, 'Help', 'Keyboard Shortcuts')
  await expect(page.getByTestId('shortcuts-dialog')).toContainText('Ctrl+Shift+S')
  await page.keyboard.press('Escape')
  await choose(page, 'Help', /^About Pacific Lab/)
  await expect(page.getByTestId('about-dialog')).toContainText(/Pacific Lab \d+\.\d+\.\d+/)
  await page.keyboard.press('Escape')
  await expect(page.getByTestId('about-dialog')).toBeHidden()

  await choose(page, 'File', /^Export Manifests…/)
  await expect(page.getByTestId('export-dialog')).toBeVisible()
  await page.keyboard.press('Escape')

  // Edit > Select All then Delete: the lab empties; Undo (the menu's) brings it back.
  await choose(page, 'Edit', /^Select All/)
  await choose(page, 'Edit', /^Delete/)
  await expect(page.locator('[data-testid^="node-"]')).toHaveCount(0)
  await choose(page, 'Edit', /^Undo /)
  await expect(page.getByTestId('node-host-1')).toBeVisible()

  const theme = () =>
    page.evaluate(
      () =>
        (globalThis as unknown as { document: { documentElement: { dataset: Record<string, string> } } })
          .document.documentElement.dataset['theme'],
    )
  const before = await theme()
  await choose(page, 'View', /^Light or Dark Theme/)
  await expect.poll(theme).not.toBe(before)

  await choose(page, 'Run', /^Provision/)
  await expect(page.getByTestId('current-step')).toBeVisible()

  // The README's pictures: the File menu with Open Recent, in the light and the dark theme.
  for (const name of ['light', 'dark'] as const) {
    await page.evaluate(
      (t) =>
        (
          globalThis as unknown as { localStorage: { setItem(k: string, v: string): void } }
        ).localStorage.setItem('pacific-lab.theme', t),
      name,
    )
    await page.reload()
    await expect(page.getByTestId('app-ready')).toBeVisible()
    await page.getByTestId('menu-file').click()
    await item(page, 'Open Recent').hover()
    await expect(menu(page, 'Open Recent')).toBeVisible()
    // The window's top left: the menu bar, File open with Open Recent, the canvas behind.
    await docsScreenshot(page, `menu-${name}`, { x: 0, y: 0, width: 960, height: 460 })
    await page.keyboard.press('Escape')
  }
})
