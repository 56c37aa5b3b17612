import { readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'

import { describe, expect, it } from 'vitest'

/** Every source file of the product (tests excluded). */
function productFiles(dir = 'src'): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name)
    if (entry.isDirectory()) return productFiles(path)
    return /\.(ts|tsx|html|css)$/.test(entry.name) && !/\.test\.tsx?$/.test(entry.name) ? [path] : []
  })
}

describe('product boundaries', () => {
  it('no product file imports or mentions benchmark code: bench/ brings its own page and client', () => {
    const mentions = productFiles().filter((file) => /bench/i.test(readFileSync(file, 'utf8')))
    expect(mentions).toEqual([])
  })
})
