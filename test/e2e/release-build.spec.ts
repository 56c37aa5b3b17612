import { readFileSync } from 'node:fs'
import { join } from 'node:path'

import { expect, test } from '@playwright/test'

// The built main bundle (npm test builds it before the end-to-end tests), as a release ships it.
const mainBundle = () =>
  readFileSync(join(import.meta.dirname, '..', '..', 'out', 'main', 'index.js'), 'utf8')

test('the release build never loads a renderer URL from the environment (issue 14, defect 8)', () => {
  const code = mainBundle()
  // Only a development build (electron-vite dev) honours ELECTRON_RENDERER_URL; the release
  // bundle does not even read it, and loads the renderer from its own files.
  expect(code).not.toContain('ELECTRON_RENDERER_URL')
  expect(code).not.toMatch(/\.loadURL\(/)
  expect(code).toMatch(/\.loadFile\(/)
})
