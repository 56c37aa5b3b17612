import { describe, expect, it } from 'vitest'

import { labFingerprint } from './lab-fingerprint'
import type { Topology } from './topology'

const lab: Topology = {
  nodes: [
    {
      id: 'h1',
      kind: 'host',
      name: 'esxi-01',
      parentId: null,
      position: { x: 0, y: 0 },
      spec: { cpuCores: 8, memoryMiB: 1024 },
    },
    { id: 'h2', kind: 'host', name: 'esxi-02', parentId: null, position: { x: 9, y: 9 }, spec: {} },
  ],
  links: [],
}

describe('lab fingerprint', () => {
  it('is the same for the same lab, whatever the order of its objects or settings', () => {
    const shuffled: Topology = {
      nodes: [lab.nodes[1]!, { ...lab.nodes[0]!, spec: { memoryMiB: 1024, cpuCores: 8 } }],
      links: [],
    }
    expect(labFingerprint(shuffled)).toBe(labFingerprint(lab))
  })

  it('ignores where a card sits, as moving it changes no run', () => {
    const moved = { ...lab, nodes: lab.nodes.map((n) => ({ ...n, position: { x: 500, y: 500 } })) }
    expect(labFingerprint(moved)).toBe(labFingerprint(lab))
  })

  it('changes with a setting, a name or an object', () => {
    const base = labFingerprint(lab)
    const [h1, h2] = lab.nodes as [Topology['nodes'][number], Topology['nodes'][number]]
    expect(labFingerprint({ ...lab, nodes: [{ ...h1, spec: { ...h1.spec, cpuCores: 16 } }, h2] })).not.toBe(
      base,
    )
    expect(labFingerprint({ ...lab, nodes: [{ ...h1, name: 'esxi-09' }, h2] })).not.toBe(base)
    expect(labFingerprint({ ...lab, nodes: [h1] })).not.toBe(base)
  })
})
