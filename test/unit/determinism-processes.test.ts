import { spawnSync } from 'node:child_process'

import { describe, expect, it } from 'vitest'

import { loadSample } from '../../src/node/demo-lab'
import { sampleRun } from '../support/golden-steps'
import { runHash } from '../support/plan-hash'

const hashIn = (name: string) => {
  const r = spawnSync(process.execPath, ['--import', 'tsx', 'test/support/plan-hash.ts', name], {
    encoding: 'utf8',
  })
  expect(r.status, r.stderr).toBe(0)
  return r.stdout.trim()
}

describe('determinism across processes', () => {
  it.each(['demo', 'failures'])(
    'plans %s byte-identically in two fresh processes and in this one',
    (name) => {
      const a = hashIn(name)
      const b = hashIn(name)
      expect(a).toMatch(/^[0-9a-f]{64}$/)
      expect(b).toBe(a)
      expect(runHash(sampleRun(loadSample(name)))).toBe(a)
    },
  )
})
