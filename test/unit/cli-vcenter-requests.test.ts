import { spawnSync } from 'node:child_process'
import { mkdtempSync, readFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'

import { describe, expect, it } from 'vitest'

import { createVcenterValidator } from '../../src/node/manifests/vcenter-schema-check'
import { sampleLabFiles } from './sample-labs'

const cli = (...args: string[]) =>
  spawnSync(process.execPath, ['bin/pacific-lab.js', ...args], { encoding: 'utf8' })

describe('pacific-lab export: vCenter request bodies', () => {
  const validate = createVcenterValidator()
  it.each(['demo', ...sampleLabFiles()])(
    'writes request bodies of %s that validate against the vSphere API schemas they name',
    (lab) => {
      const out = join(mkdtempSync(join(tmpdir(), 'pacific-vc-')), 'out')
      const r = cli('export', lab, '--format', 'dir', '--out', out)
      expect(r.stderr).not.toContain('refused')
      expect(r.status).toBe(0)
      const readme = readFileSync(join(out, 'vcenter', 'README.txt'), 'utf8')
      const bodies = [...readme.matchAll(/body: (\S+) \(checked against (\S+) /g)]
      expect(bodies.length).toBeGreaterThan(1)
      for (const [, file = '', schema = ''] of bodies) {
        const body: unknown = JSON.parse(readFileSync(join(out, 'vcenter', file), 'utf8'))
        expect({ file, issues: validate({ schema, body: body as Record<string, unknown> }) }).toEqual({
          file,
          issues: [],
        })
      }
    },
  )
})
