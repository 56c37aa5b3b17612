import { strToU8, zipSync } from 'fflate'
import { describe, expect, it } from 'vitest'

import { expandPicked, isReadAsManifest } from './read-files'

const POD = 'apiVersion: v1\nkind: Pod\nmetadata: {name: web, namespace: finance}\n'

describe('import dialog file reading', () => {
  it('reads YAML and JSON as text and a zip as its entries, named inside the archive', () => {
    const zip = zipSync({
      'manifests/finance/01-namespace.yaml': strToU8('kind: Namespace\n'),
      'vcenter/01-enable-supervisor.json': strToU8('{}'),
      'manifests/': new Uint8Array(),
    })
    const read = expandPicked([
      { name: 'pod.yml', data: strToU8(POD) },
      { name: 'lab.zip', data: zip },
    ])
    expect(read.problems).toEqual([])
    expect(read.files.map((f) => f.path)).toEqual([
      'pod.yml',
      'lab.zip!manifests/finance/01-namespace.yaml',
      'lab.zip!vcenter/01-enable-supervisor.json',
    ])
    expect(read.files[0]?.content).toBe(POD)
    // The vCenter request bodies come along but are not read as manifests.
    expect(read.files.map(isReadAsManifest)).toEqual([true, true, false])
  })

  it('names files it skips and zips it cannot open', () => {
    const read = expandPicked([
      { name: 'notes.txt', data: strToU8('hello') },
      { name: 'broken.zip', data: strToU8('not a zip') },
    ])
    expect(read.files).toEqual([])
    expect(read.problems[0]).toBe('notes.txt: skipped; only .yaml, .yml, .json and .zip files are read')
    expect(read.problems[1]).toMatch(/^broken\.zip: not a zip that can be read/)
  })
})
