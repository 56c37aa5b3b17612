import { mkdtempSync, truncateSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'

import { strToU8, zipSync } from 'fflate'
import { describe, expect, it } from 'vitest'

import { LabService } from '../../src/node/lab-service'
import { READ_CHUNK, readImportFilesWithin } from '../../src/node/manifests/import-limits'
import { readImportFiles } from '../../src/node/manifests/manifest-files'
import { dispatch } from '../../src/shared/contract/dispatch'
import { LabError } from '../../src/shared/contract/result'
import { IMPORT_LIMITS, ImportBudget } from '../../src/shared/manifests/import/limits'
import { parseFiles } from '../../src/shared/manifests/import/parse-files'
import { writeWhitespaceZip } from '../fixtures/whitespace-zip'

const MiB = 1024 * 1024
const tempDir = () => mkdtempSync(join(tmpdir(), 'pl-limits-'))

/** Reads `paths` within `budget`, returning the refusal and how many bytes were read from disk. */
function refusal(paths: string[], budget = new ImportBudget()) {
  let read = 0
  try {
    readImportFilesWithin(paths, budget, (n) => (read += n))
  } catch (e) {
    expect(e).toBeInstanceOf(LabError)
    expect(e).toMatchObject({ code: 'import-limit' })
    return { message: (e as Error).message, read }
  }
  throw new Error('expected the import to be refused')
}

describe('bounded imports (issue 14, defects 4 and 5)', () => {
  it('refuses a zip whose entry inflates past the file limit, having read about the limit', () => {
    const path = join(tempDir(), 'bomb.zip')
    writeWhitespaceZip(path, 32)
    const { message, read } = refusal([path])
    expect(message).toContain('bomb.zip!manifests/pods.yaml')
    expect(message).toContain('16 MiB')
    // Deflate packs at most about 1,032:1, so the limit is reached within a chunk or two of it.
    expect(read).toBeLessThanOrEqual(IMPORT_LIMITS.fileBytes / 1000 + 2 * READ_CHUNK)
  })

  it('the import the CLI runs refuses the bomb and the 100 MB manifest too', () => {
    const dir = tempDir()
    const bomb = join(dir, 'bomb.zip')
    writeWhitespaceZip(bomb, 32)
    const huge = join(dir, 'huge.yaml')
    writeFileSync(huge, '')
    truncateSync(huge, 100 * MiB)
    for (const path of [bomb, huge])
      expect(() => readImportFiles([path]), path).toThrow(/a file may be at most 16 MiB/)
  })

  it('refuses an archive with more entries than the limit, naming the limit', () => {
    const path = join(tempDir(), 'many.zip')
    const entries: Record<string, Uint8Array> = {}
    for (let i = 0; i <= 200; i++) entries[`e/${i}.yaml`] = strToU8('a: 1\n')
    writeFileSync(path, zipSync(entries))
    const { message } = refusal([path], new ImportBudget({ ...IMPORT_LIMITS, files: 200 }))
    expect(message).toMatch(/many\.zip!e\/\d+\.yaml: an import reads at most 200 files/)
  })

  it('refuses files that pass the total size together, having read at most the limit', () => {
    const dir = tempDir()
    const paths = [1, 2, 3].map((i) => {
      const path = join(dir, `part-${i}.yaml`)
      writeFileSync(path, `# ${'x'.repeat(40_000)}\n`)
      return path
    })
    const { message, read } = refusal(paths, new ImportBudget({ ...IMPORT_LIMITS, totalBytes: 100_000 }))
    expect(message).toContain('part-3.yaml')
    expect(message).toContain('100,000 bytes in all')
    expect(read).toBeLessThanOrEqual(100_000 + READ_CHUNK)
  })

  it('refuses a 100 MB manifest after reading at most the file limit', () => {
    const path = join(tempDir(), 'huge.yaml')
    writeFileSync(path, '')
    truncateSync(path, 100 * MiB)
    const { message, read } = refusal([path])
    expect(message).toMatch(/huge\.yaml: a file may be at most 16 MiB/)
    expect(read).toBeLessThanOrEqual(IMPORT_LIMITS.fileBytes + READ_CHUNK)
  })

  it('refuses more YAML documents than the limit, naming the file', () => {
    const content = Array.from(
      { length: 51 },
      (_, i) => `apiVersion: v1\nkind: ConfigMap\nmetadata: {name: c${i}}\n`,
    ).join('---\n')
    const parsed = parseFiles(
      [{ path: 'many.yaml', content }],
      new ImportBudget({ ...IMPORT_LIMITS, documents: 50 }),
    )
    expect(parsed.objects).toEqual([])
    expect(parsed.errors).toHaveLength(1)
    expect(parsed.errors[0]?.file).toBe('many.yaml')
    expect(parsed.errors[0]?.message).toMatch(/at most 50 YAML documents/)
  })

  it('refuses a billion-laughs document (alias expansion) instead of failing as a bug', async () => {
    const laughs = [
      'apiVersion: v1',
      'kind: ConfigMap',
      'metadata: {name: lol}',
      'data:',
      '  a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]',
      ...'bcdefghi'
        .split('')
        .map((k, i) => `  ${k}: &${k} [${Array(9).fill(`*${'abcdefghi'[i]}`).join(',')}]`),
    ].join('\n')
    const service = new LabService('cli', { dataDir: tempDir() })
    const result = await dispatch(service.handlers, 'importManifests', {
      files: [{ path: 'lol.yaml', content: laughs }],
    })
    service.close()
    expect(result).toMatchObject({ ok: true, value: { ok: false } })
    const errors = result.ok ? (result.value as { errors: { file: string; message: string }[] }).errors : []
    expect(errors[0]?.file).toBe('lol.yaml')
    expect(errors[0]?.message).toMatch(/at most 100 aliases/)
  })

  it('holds the limits for files given through the contract, too', async () => {
    const service = new LabService('cli', { dataDir: tempDir() })
    const result = await dispatch(service.handlers, 'importManifests', {
      files: [{ path: 'big.yaml', content: '#'.repeat(IMPORT_LIMITS.fileBytes + 1) }],
    })
    service.close()
    const errors = result.ok ? (result.value as { errors?: { file: string; message: string }[] }).errors : []
    expect(errors?.[0]?.file).toBe('big.yaml')
    expect(errors?.[0]?.message).toMatch(/at most 16 MiB/)
  })
})
