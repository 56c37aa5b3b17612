import { readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'

import { describe, expect, it } from 'vitest'

/**
 * Pictographs that render as an empty box on a machine without an emoji or symbol font (the
 * problems panel's error icon did): emoji, dingbats, miscellaneous symbols and technical
 * signs, geometric shapes (▶ ◀ ▸ ▾ ◐), ℹ and the emoji variation selector. Typographic arrows
 * in running text (→) are in every text font and stay.
 */
const PICTOGRAPH =
  /[\u{2139}\u{2300}-\u{23FF}\u{25A0}-\u{25FF}\u{2600}-\u{27BF}\u{2B00}-\u{2BFF}\u{1F000}-\u{1FFFF}]|\u{FE0F}/u

function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory()
      ? sources(join(dir, e.name))
      : /\.(tsx?|css|html)$/.test(e.name) && !e.name.includes('.test.')
        ? [join(dir, e.name)]
        : [],
  )
}

describe('interface icons', () => {
  it('are inline SVG: no text in the window relies on an emoji or symbol font', () => {
    const found = sources('src/renderer').flatMap((file) =>
      readFileSync(file, 'utf8')
        .split('\n')
        .flatMap((line, i) => (PICTOGRAPH.test(line) ? [`${file}:${i + 1}: ${line.trim()}`] : [])),
    )
    expect(found).toEqual([])
  })
})
