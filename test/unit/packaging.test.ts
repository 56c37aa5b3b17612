import { createHash } from 'node:crypto'
import { existsSync, readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'

import Ajv from 'ajv'
import { unzlibSync } from 'fflate'
import { describe, expect, it } from 'vitest'

import pkg from '../../package.json'
import { LAB_EXTENSION } from '../../src/node/persistence/lab-file'

const ROOT = join(import.meta.dirname, '..', '..')
const read = (path: string) => readFileSync(join(ROOT, path), 'utf8')
/** The parts of electron-builder.json the tests read (the schema checks the whole). */
interface BuilderConfig {
  files: string[]
  fileAssociations: { ext: string; mimeType: string }[]
  linux: { target: string[]; icon: string; mimeTypes: string[] }
  mac: { target: string[]; icon: string }
  win: { target: string[]; icon: string }
  nsis: Record<string, unknown>
}
const config = JSON.parse(read('electron-builder.json')) as BuilderConfig
const SCHEMA_DIR = 'test/fixtures/electron-builder'
const schema = JSON.parse(read(`${SCHEMA_DIR}/scheme.json`)) as object

/** electron-builder's own check of a configuration: its published schema, as it runs it. */
function check(candidate: unknown) {
  const ajv = new Ajv({ allErrors: true, strict: false })
  const validate = ajv.compile(schema)
  return validate(candidate) ? [] : (validate.errors ?? []).map((e) => `${e.instancePath} ${e.message}`)
}

/** Width, height and colour of a PNG from its header, and whether any pixel is drawn at all. */
function png(path: string) {
  const bytes = readFileSync(join(ROOT, path))
  expect(bytes.subarray(0, 8)).toEqual(Buffer.from([137, 80, 78, 71, 13, 10, 26, 10]))
  const idat: Buffer[] = []
  for (let at = 8; at < bytes.length; at += 12 + bytes.readUInt32BE(at))
    if (bytes.toString('latin1', at + 4, at + 8) === 'IDAT')
      idat.push(bytes.subarray(at + 8, at + 8 + bytes.readUInt32BE(at)))
  const raw = unzlibSync(Buffer.concat(idat))
  // A blank (fully transparent) image inflates to zeros but for each row's filter byte.
  const drawn = raw.reduce((n, b) => n + (b === 0 ? 0 : 1), 0) / raw.length
  return { width: bytes.readUInt32BE(16), height: bytes.readUInt32BE(20), rgba: bytes[25] === 6, drawn }
}

describe('electron-builder configuration', () => {
  it("passes electron-builder's own schema", () => {
    expect(check(config)).toEqual([])
  })

  it('is refused by that schema when it has a mistake, naming it', () => {
    expect(check({ ...config, nsis: { ...config.nsis, oneclick: false } })).toContain(
      '/nsis must NOT have additional properties',
    )
    expect(check({ ...config, fileAssociations: [{ ext: 7 }] }).length).toBeGreaterThan(0)
  })

  it('uses the schema exactly as published (its provenance README names its hash)', () => {
    const sha256 = createHash('sha256')
      .update(readFileSync(join(ROOT, SCHEMA_DIR, 'scheme.json')))
      .digest('hex')
    expect(read(`${SCHEMA_DIR}/README.md`)).toContain(`\`${sha256}\``)
  })

  it('builds an AppImage and a deb for Linux, a dmg for macOS and an NSIS installer for Windows', () => {
    expect(config.linux.target).toEqual(['AppImage', 'deb'])
    expect(config.mac.target).toEqual(['dmg'])
    expect(config.win.target).toEqual(['nsis'])
  })

  it('associates lab files with the app on every platform (NSIS needs a per-machine install for it)', () => {
    const [association] = config.fileAssociations
    expect(`.${association?.ext}`).toBe(LAB_EXTENSION)
    expect(config.linux.mimeTypes).toEqual([association?.mimeType])
    expect(config.nsis.perMachine).toBe(true)
  })

  it('packages the built app and its runtime resources, not the build resources', () => {
    expect(config.files).toEqual(['out/**/*', 'resources/**/*', '!resources/build/**/*', 'package.json'])
    expect(pkg.main).toBe('out/main/index.js')
    expect(existsSync(join(ROOT, 'resources', 'samples'))).toBe(true)
  })

  it('is run by npm run dist with the electron-builder version whose schema is vendored', () => {
    const version = /app-builder-lib` (\d+\.\d+\.\d+)/.exec(read(`${SCHEMA_DIR}/README.md`))?.[1]
    expect(pkg.scripts.dist).toContain(`electron-builder@${version} --config electron-builder.json`)
  })

  it('leaves npm ci alone: the package has no install hooks', () => {
    const hooks = ['preinstall', 'install', 'postinstall', 'prepare']
    expect(Object.keys(pkg.scripts).filter((s) => hooks.includes(s))).toEqual([])
  })
})

describe('the app icon', () => {
  const manifest = JSON.parse(read('resources/build/icons.json')) as { sha256: string; sizes: number[] }

  it('was rendered from the SVG as it is now (else run node scripts/make-icons.mjs)', () => {
    const sha256 = createHash('sha256').update(read('resources/build/icon.svg')).digest('hex')
    expect(manifest.sha256).toBe(sha256)
  })

  it('has a drawn RGBA PNG of each size for Linux, and a 1024 one for the macOS and Windows icons', () => {
    const folder = join('resources', 'build', 'icons')
    expect(config.linux.icon).toBe(folder)
    expect(readdirSync(join(ROOT, folder)).sort()).toEqual(manifest.sizes.map((n) => `${n}x${n}.png`).sort())
    for (const size of manifest.sizes) {
      const image = png(join(folder, `${size}x${size}.png`))
      expect({ size, ...image, drawn: image.drawn > 0.1 }).toEqual({
        size,
        width: size,
        height: size,
        rgba: true,
        drawn: true,
      })
    }
    for (const platform of ['mac', 'win'] as const) {
      expect(config[platform].icon).toBe('resources/build/icon.png')
      expect(png('resources/build/icon.png')).toMatchObject({ width: 1024, height: 1024, rgba: true })
    }
  })
})
