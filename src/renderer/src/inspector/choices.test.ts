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

describe('choices that follow the vCenter version', () => {
  const lab = (version: string, extra: LabNode[] = []): Topology => ({
    nodes: [
      node('vc', 'vcenter', null, { version }),
      node('cl', 'cluster', 'vc'),
      node('net', 'network', 'vc'),
      node('sv', 'supervisor', null, { network: 'net' }),
      node('svc', 'supervisor-service', 'sv'),
      node('ns', 'namespace', 'sv'),
      node('k', 'tkc', 'ns', { api: 'capi' }),
      ...extra,
    ],
    links: [{ id: 'l', kind: 'supervisor-cluster', source: 'sv', target: 'cl' }],
  })
  const offered = (t: Topology, id: string, path: (string | number)[]) => {
    const r = resolveTopology(t)
    return choicesOf(
      t.nodes.find((n) => n.id === id)!,
      r,
    )(path)?.groups.flatMap((g) => g.options)
  }

  it('offers NSX VPC, VKS and its ClusterClasses on 9.0 only', () => {
    expect(offered(lab('7.0U3'), 'net', ['type'])).toEqual(['nsx', 'vds'])
    expect(offered(lab('9.0'), 'net', ['type'])).toEqual(['nsx', 'vds', 'nsx-vpc'])
    expect(offered(lab('7.0U3'), 'svc', ['service'])).toEqual(['velero', 'minio'])
    expect(offered(lab('9.0'), 'svc', ['service'])).toContain('vks')
    expect(offered(lab('8.0U3'), 'k', ['clusterClass'])).toEqual(['tanzukubernetescluster'])
    const withVks = lab('9.0', [
      node('vks', 'supervisor-service', 'sv', { service: 'vks', version: '3.3.3' }),
    ])
    expect(offered(withVks, 'k', ['clusterClass'])).toEqual([
      'builtin-generic-v3.1.0',
      'builtin-generic-v3.2.0',
      'builtin-generic-v3.3.0',
    ])
    expect(offered(lab('9.0'), 'k', ['nodePools', 0, 'failureDomain'])).toEqual(['cl'])
    expect(offered(lab('9.0'), 'vc', ['version'])?.slice(0, 4)).toEqual(['7.0U3', '8.0U2', '8.0U3', '9.0'])
  })
})
