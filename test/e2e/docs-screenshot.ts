import type { Page } from '@playwright/test'

/**
 * Takes one of the pictures the docs show: the window, or the part of it `clip` says.
 * `npm run screenshots` sets PACIFIC_LAB_SCREENSHOTS and the picture replaces
 * `docs/screenshot-NAME.png`; a plain test run writes it under test-results instead, so
 * `npm test` leaves a clean checkout clean.
 */
export async function docsScreenshot(
  page: Page,
  name: string,
  clip?: { x: number; y: number; width: number; height: number },
): Promise<void> {
  const dir = process.env['PACIFIC_LAB_SCREENSHOTS'] === '1' ? 'docs' : 'test-results/screenshots'
  await page.screenshot({ path: `${dir}/screenshot-${name}.png`, ...(clip ? { clip } : {}) })
}
