import { existsSync, mkdtempSync, readFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'

import { _electron as electron, expect, test } from '@playwright/test'

/** Where the Electron binary would be; the package downloads it lazily and these machines cannot. */
function electronBinary(): string | null {
  const pathFile = join('node_modules', 'electron', 'path.txt')
  if (!existsSync(pathFile)) return null
  const binary = join('node_modules', 'electron', 'dist', readFileSync(pathFile, 'utf8').trim())
  return existsSync(binary) ? binary : null
}

const binary = electronBinary()

test('the Electron app opens on the demo lab', async () => {
  if (!binary) {
    console.log(
      'SKIP electron launch: the Electron binary is not installed here (node_modules/electron/dist is missing)',
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
