import { join } from 'node:path'

/**
 * Where a README screenshot is written: into docs/ when the screenshots are being refreshed
 * (`npm run screenshots`), else under test-results/, so `npm test` still takes every screenshot
 * but leaves the checkout as it was (a screenshot differs by a few pixels from run to run).
 */
export function docScreenshot(file: string): string {
  return process.env['PACIFIC_LAB_SCREENSHOTS'] === 'docs'
    ? join('docs', file)
    : join('test-results', 'screenshots', file)
}
