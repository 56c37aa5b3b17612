// Renders the app icon (resources/build/icon.svg) to the PNGs electron-builder packages: one per
// size for Linux (icons/NxN.png), and icon.png (1024) from which it makes macOS's .icns and
// Windows's .ico. Chromium draws the SVG, so the PNGs are what a browser shows of it. Writes
// icons.json with the SVG's hash, so the suite notices an SVG changed without its PNGs.
// Run after editing the SVG: node scripts/make-icons.mjs
import { createHash } from 'node:crypto'
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'

import { chromium } from '@playwright/test'

import { findChromium } from './find-chromium.mjs'
import { root } from './native.mjs'

export const ICON_DIR = join(root, 'resources', 'build')
export const SIZES = [16, 24, 32, 48, 64, 128, 256, 512, 1024]

const svg = readFileSync(join(ICON_DIR, 'icon.svg'), 'utf8')
const browser = await chromium.launch({
  executablePath: findChromium({ install: false }) ?? undefined,
  args: [
    '--no-sandbox',
    '--disable-gpu',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
  ],
})
try {
  const page = await browser.newPage({ deviceScaleFactor: 1 })
  mkdirSync(join(ICON_DIR, 'icons'), { recursive: true })
  for (const size of SIZES) {
    await page.setViewportSize({ width: size, height: size })
    const sized = svg.replace(/width="1024" height="1024"/, `width="${size}" height="${size}"`)
    await page.setContent(
      `<!doctype html><style>html,body{margin:0;background:transparent}svg{display:block}</style>${sized}`,
    )
    const png = await page.screenshot({
      omitBackground: true,
      clip: { x: 0, y: 0, width: size, height: size },
    })
    writeFileSync(join(ICON_DIR, 'icons', `${size}x${size}.png`), png)
    if (size === 1024) writeFileSync(join(ICON_DIR, 'icon.png'), png)
  }
} finally {
  await browser.close()
}
const sha256 = createHash('sha256').update(svg).digest('hex')
// Written as prettier writes it, so the suite's format check passes on a fresh render.
const manifest = [
  '{',
  '  "source": "icon.svg",',
  `  "sha256": "${sha256}",`,
  `  "sizes": [${SIZES.join(', ')}],`,
  '  "app": "icon.png"',
  '}',
]
writeFileSync(join(ICON_DIR, 'icons.json'), manifest.join('\n') + '\n')
console.log(`Rendered ${SIZES.length} sizes of icon.svg into ${join('resources', 'build')}`)
