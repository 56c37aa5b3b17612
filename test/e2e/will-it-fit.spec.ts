import { spawnSync } from 'node:child_process'
import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'

import { expect, test } from '@playwright/test'

import { startServe } from './serve-fixture'

/**
 * "Will it fit" reaches the problems panel from its Web Worker in the built renderer: the
 * capacity sample's namespace exceeds its CPU limit, and the panel says by how much.
 */
test('the problems panel lists what will not fit, from the worker, naming the amount', async ({ page }) => {
  const file = join(mkdtempSync(join(tmpdir(), 'pacific-lab-fit-')), 'capacity.pacificlab')
  const made = spawnSync(process.execPath, ['bin/pacific-lab.js', 'demo', 'capacity', file], {
    encoding: 'utf8',
  })
  expect(made.status, made.stderr).toBe(0)
  const { lab, child } = await startServe([file])
  try {
    await page.goto(lab.url)
    await expect(page.getByTestId('app-ready')).toBeVisible()
    const cpu = page.locator('[data-testid="problem-row"][data-code="quota-exceeded"][data-object="ns-1"]', {
      hasText: 'CPU limit',
    })
    await expect(cpu).toContainText('5 of 20 pods of batch exceed its CPU limit of 40,000 MHz by 12 GHz')
    await expect(page.locator('[data-testid="problem-row"][data-code="reservation-over-limit"]')).toHaveCount(
      1,
    )
    await expect(page.getByTestId('node-ns-1').getByTestId('problem-badge')).toBeVisible()
  } finally {
    child.kill('SIGTERM')
  }
})
