import { describe, expect, it } from 'vitest'

import { loadSample } from '../../src/node/demo-lab'
import { exportLab } from '../../src/node/manifests/manifest-handlers'
import { plan } from '../../src/shared/engine/plan'
import { validateLab } from '../../src/shared/engine/validate-lab'
import { final } from '../fixtures/engine-labs'

/**
 * Issue 17, done when: both VCF 9 samples validate, run and export, every exported object
 * checked against its CRD or the vCenter API schema (an object with no schema is a problem too).
 */
describe.each(['vcf9-zones', 'vcf9-services'])('the VCF 9 sample %s', (name) => {
  const lab = loadSample(name)

  it('validates without an error or a warning', () => {
    expect(validateLab(lab.topology).filter((p) => p.severity !== 'info')).toEqual([])
  })

  it('runs with every Supervisor, service, namespace and workload Running', () => {
    const run = plan(lab.topology, undefined, 1)
    expect(run.summary.problems).toEqual([])
    for (const n of lab.topology.nodes)
      if (['supervisor', 'supervisor-service', 'namespace', 'vm', 'tkc', 'service'].includes(n.kind))
        expect([n.name, final(run, n.id).status]).toEqual([n.name, 'Running'])
  })

  it('exports every object and request checked against its schema', () => {
    const { files, problems } = exportLab(lab, { format: 'dir' })
    expect(problems).toEqual([])
    expect(files.some((f) => f.path.startsWith('vcenter/'))).toBe(true)
  })
})

describe('the demo lab', () => {
  it('stays on vSphere 8.0 U3, the default platform profile', () => {
    const vc = loadSample('demo').topology.nodes.find((n) => n.kind === 'vcenter')
    expect(vc?.spec).toMatchObject({ version: '8.0U3' })
  })
})
