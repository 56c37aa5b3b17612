import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'

import { _electron as electron, expect, test } from '@playwright/test'

import { installedElectron } from '../../scripts/native.mjs'

/**
 * The real Electron, where its runtime is installed (npm start fetches it; these machines cannot).
 * Without it, test/desktop boots the same built main process under a stand-in.
 */
const binary = installedElectron()

test('the Electron app opens on the demo lab', async () => {
  if (!binary) {
    console.log(
      'SKIP electron launch: the Electron runtime is not installed here (test/desktop boots the main process under a stand-in)',
    )
    test.skip(true, 'the Electron binary is not installed here')
    return
  }
  // A fresh data folder: first start writes the demo lab there, not into the user's own.
  const app = await electron.launch({
    executablePath: binary,
    args: ['.'],
    env: { ...process.env, PACIFIC_LAB_DATA_DIR: mkdtempSync(join(tmpdir(), 'pacific-lab-electron-')) },
  })
  const window = await app.firstWindow()
  await expect(window.getByTestId('app-ready')).toBeVisible()
  await expect(window.getByTestId('node-host-1')).toBeVisible()
  expect(await window.evaluate(() => typeof (window as unknown as { require?: unknown }).require)).toBe(
    'undefined',
  )
  await app.close()
})
