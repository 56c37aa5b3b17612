/// <reference lib="dom" />
// The callbacks given to page.evaluate run in the browser.
import AxeBuilder from '@axe-core/playwright'
import type { Page } from '@playwright/test'

import { labNodes } from './canvas-helpers'
import { docsScreenshot } from './docs-screenshot'
import { addWithKeyboard, selectByName } from './keyboard-lab'
import { expect, test } from './serve-fixture'

/** Serious and critical findings of axe-core on the page as it is now (WCAG 2 A and AA). */
async function seriousViolations(page: Page) {
  const result = await new AxeBuilder({ page })
    .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'])
    .analyze()
  return result.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)
}

for (const theme of ['light', 'dark'] as const) {
  test(`the editor, playback and both dialogs pass axe-core in the ${theme} theme`, async ({
    page,
    served,
  }) => {
    await page.emulateMedia({ colorScheme: theme })
    await page.goto(served.url)
    await expect(page.getByTestId('app-ready')).toBeVisible()
    // Unfold the problems so their rows are scanned too.
    await page.getByTestId('problems-toggle').click()
    await expect(page.getByTestId('problem-row').first()).toBeVisible()
    expect(await seriousViolations(page), 'editor').toEqual([])

    await page.getByTestId('provision').click()
    await expect(page.getByTestId('current-step')).toBeVisible()
    for (let i = 0; i < 6; i++) await page.getByTestId('step-forward').click()
    expect(await seriousViolations(page), 'playback').toEqual([])
    await page.getByRole('tab', { name: 'Sequence diagram' }).click()
    expect(await seriousViolations(page), 'sequence diagram').toEqual([])
    await docsScreenshot(page, `playback-${theme}`)

    await page.getByTestId('export-open').click()
    await expect(page.getByTestId('export-preview')).toBeVisible()
    expect(await seriousViolations(page), 'export dialog').toEqual([])
    await page.keyboard.press('Escape')
    await page.getByTestId('import-open').click()
    await expect(page.getByTestId('import-dialog')).toBeVisible()
    expect(await seriousViolations(page), 'import dialog').toEqual([])
  })
}

test('the canvas is reached with Tab, travelled with the arrows, and Enter edits the object', async ({
  page,
  served,
}) => {
  await page.goto(served.url)
  await expect(page.getByTestId('app-ready')).toBeVisible()
  await page.getByTestId('fit-view').focus()
  await page.keyboard.press('Tab')
  // Past the theme picker, the canvas is the next tab stop.
  for (
    let i = 0;
    i < 3 && !(await page.getByTestId('canvas').evaluate((el) => el === document.activeElement));
    i++
  )
    await page.keyboard.press('Tab')
  await expect(page.getByTestId('canvas')).toBeFocused()
  const announcer = page.getByTestId('canvas-announcer')
  await page.keyboard.press('ArrowRight')
  await expect(announcer).toHaveText('vcenter-01, vCenter')
  await page.keyboard.press('ArrowDown')
  const reached = (await announcer.textContent()) ?? ''
  expect(reached).not.toBe('vcenter-01, vCenter')
  const name = reached.split(',')[0] ?? ''
  await expect(page.getByTestId('inspector').locator('h2')).toContainText(name)
  await page.keyboard.press('Enter')
  await expect(page.getByTestId('field-name')).toBeFocused()
  await expect(page.getByTestId('field-name')).toHaveValue(name)
})

test('the inspector never scrolls sideways, for every kind', async ({ page, served }) => {
  await page.goto(served.url)
  await expect(page.getByTestId('app-ready')).toBeVisible()
  const ns = (await labNodes(page)).find((n) => n.kind === 'namespace')!
  // The demo lab lacks these kinds: add them into its namespace from the palette.
  for (const kind of ['deployment', 'pvc', 'service']) await addWithKeyboard(page, kind, ns.name)
  const nodes = await labNodes(page)
  const kinds = [...new Set(nodes.map((n) => n.kind))]
  expect(kinds.length).toBe(14)
  for (const kind of kinds) {
    const node = nodes.find((n) => n.kind === kind)!
    await selectByName(page, node.name)
    const inspector = page.getByTestId('inspector')
    const fit = await inspector.evaluate((el) => ({
      scroll: el.scrollWidth,
      client: el.clientWidth,
      // Labels and chosen values that their box cuts.
      cut: [...el.querySelectorAll('select, .field-label, legend, h2, .kind-line')]
        .filter((e) => e.scrollWidth > e.clientWidth + 1)
        .map((e) => e.getAttribute('data-testid') ?? e.textContent),
    }))
    expect(fit.scroll, `${kind} scrolls sideways`).toBeLessThanOrEqual(fit.client)
    expect(fit.cut, `${kind} cuts`).toEqual([])
  }
})
