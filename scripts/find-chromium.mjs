// Finds a Chromium for Playwright: $PACIFIC_LAB_CHROMIUM, then Debian's /usr/bin/chromium, then a
// browser Playwright already installed; only when none exists, installs Playwright's Chromium
// (which works on a machine with internet access).
import { execFileSync } from 'node:child_process'
import { existsSync } from 'node:fs'
import { createRequire } from 'node:module'

const require = createRequire(import.meta.url)

export function findChromium({ install = true } = {}) {
  const fromEnv = process.env.PACIFIC_LAB_CHROMIUM
  if (fromEnv) {
    if (!existsSync(fromEnv))
      throw new Error(`PACIFIC_LAB_CHROMIUM points at ${fromEnv}, which does not exist`)
    return fromEnv
  }
  for (const path of ['/usr/bin/chromium', '/usr/bin/chromium-browser']) if (existsSync(path)) return path
  const playwrightOwn = () => {
    try {
      const { chromium } = require('@playwright/test')
      const path = chromium.executablePath()
      return existsSync(path) ? path : null
    } catch {
      return null
    }
  }
  const own = playwrightOwn()
  if (own) return own
  if (!install) return null
  console.error("No Chromium found; installing Playwright's Chromium (needs internet access)...")
  execFileSync(process.execPath, [require.resolve('@playwright/test/cli'), 'install', 'chromium'], {
    stdio: 'inherit',
  })
  const installed = playwrightOwn()
  if (!installed) throw new Error('Chromium could not be found or installed; set PACIFIC_LAB_CHROMIUM')
  return installed
}
