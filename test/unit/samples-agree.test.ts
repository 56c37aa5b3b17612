import { describe, expect, it } from 'vitest'

import { loadSample, sampleNames } from '../../src/node/demo-lab'
import { exportLab } from '../../src/node/manifests/manifest-handlers'
import { hasErrors } from '../../src/shared/domain/validation/validate'
import { plan } from '../../src/shared/engine/plan'
import { validateLab } from '../../src/shared/engine/validate-lab'

describe('validate, run and export agree on every sample lab', () => {
  it.each(sampleNames())('%s', (name) => {
    const lab = loadSample(name)
    const problems = validateLab(lab.topology).filter((p) => p.severity === 'error')
    const run = plan(lab.topology, undefined, 1)
    const exported = exportLab(lab)
    if (!hasErrors(problems)) {
      expect(run.summary.problems).toEqual([])
      expect(exported.files.length).toBeGreaterThan(0)
    } else {
      // A sample with errors (capacity) shows them in validate and fails exactly there in the run.
      expect(run.summary.problems.length).toBeGreaterThan(0)
      expect(new Set(problems.map((p) => p.objectId))).toEqual(new Set(['ns-1']))
    }
  })
  it('keeps every sample but the capacity one free of errors', () => {
    expect(sampleNames().filter((n) => hasErrors(validateLab(loadSample(n).topology)))).toEqual(['capacity'])
  })
})
