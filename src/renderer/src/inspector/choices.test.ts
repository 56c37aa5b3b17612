import { describe, expect, it } from 'vitest'

import { resolveTopology } from '../../../shared/domain/resolve'
import { defaultSpec } from '../../../shared/domain/specs'
import type { LabNode, Topology } from '../../../shared/domain/topology'
import { countLine } from '../problems/count-line'
import { validateTopology } from '../problems/validate'
import { choicesOf } from './choices'

const node = (id: string, kind: LabNode['kind'], parentId: string | null, spec = {}): LabNode => ({
  id,
  kind,
  name: id,
  parentId,
  position: { x: 0, y: 0 },
  spec: { ...defaultSpec(kind), ...spec },
})

const topology: Topology = {
  nodes: [
    node('gold', 'storage-policy', 'vc'),
    node('lib', 'content-library', 'vc', { images: ['photon-5'] }),
    node('ns', 'namespace', 'sv', { vmClasses: ['guaranteed-small'], storage: [{ policy: 'gold' }] }),
    node('silver', 'storage-policy', 'vc'),
    node('sv', 'supervisor', null),
    node('vc', 'vcenter', null),
    node('vm', 'vm', 'ns'),
  ],
  links: [],
}

describe('inspector choices', () => {
  const r = resolveTopology(topology)
  const vm = topology.nodes.find((n) => n.id === 'vm')!

  it("offers a VM the namespace's classes first, then the other default classes", () => {
    const classes = choicesOf(vm, r)(['className'])
    expect(classes?.groups[0]).toEqual({ label: 'Bound to the namespace', options: ['guaranteed-small'] })
    expect(classes?.groups[1]?.options).toContain('best-effort-small')
    expect(classes?.groups[1]?.options).toHaveLength(15)
  })

  it("offers storage classes from the namespace's policies, then the lab's others, and the default", () => {
    const storage = choicesOf(vm, r)(['storageClass'])
    expect(storage?.groups.map((g) => g.options)).toEqual([['gold'], ['silver']])
    expect(storage?.empty).toBe('namespace default')
  })

  it('lists storage policies for each storage assignment of a namespace, and leaves plain fields alone', () => {
    const ns = topology.nodes.find((n) => n.id === 'ns')!
    expect(choicesOf(ns, r)(['storage', 0, 'policy'])?.groups[0]?.options).toEqual(['gold', 'silver'])
    expect(choicesOf(ns, r)(['contentLibraries'])?.groups[0]?.options).toEqual(['lib'])
    expect(choicesOf(ns, r)(['description'])).toBeUndefined()
  })
})

describe('live validation in the renderer', () => {
  it("reports the domain's codes, once per topology object", () => {
    const problems = validateTopology(topology)
    expect(problems).toBe(validateTopology(topology))
    expect(problems.map((p) => p.code)).toContain('vm-image-not-in-library')
    expect(countLine(problems)).toMatch(/^\d+ errors? · \d+ warnings? · \d+ infos?$/)
  })
})
