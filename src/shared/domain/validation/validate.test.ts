import { describe, expect, it } from 'vitest'

import { sampleLab } from '../../../../test/support/samples'
import { smallLab } from '../small-lab'
import type { Topology } from '../topology'
import { DEFAULT_VM_CLASSES, defaultVmClass } from '../vm-classes'
import { hasErrors, RULES, validateTopology } from './validate'

const codes = (t: Topology) => validateTopology(t).map((p) => `${p.code}@${p.objectId}`)
const setSpec = (t: Topology, id: string, patch: Record<string, unknown>): Topology => ({
  ...t,
  nodes: t.nodes.map((n) => (n.id === id ? { ...n, spec: { ...n.spec, ...patch } } : n)),
})

describe('validateTopology', () => {
  it('finds no error in the demo lab and notes its assumptions', () => {
    const problems = validateTopology(sampleLab('demo').topology)
    expect(hasErrors(problems)).toBe(false)
    expect(problems.map((p) => p.code)).toEqual(['namespace-policy-annotation', 'supervisor-size-unverified'])
  })
  it('needs three hosts (four with vSAN), HA on and DRS fully automated', () => {
    expect(codes(smallLab({ hosts: [{}, {}] }))).toContain('supervisor-needs-3-hosts@cl-1')
    expect(codes(smallLab({ cluster: { vsan: true } }))).toContain('supervisor-needs-3-hosts@cl-1')
    const cl = validateTopology(smallLab({ cluster: { haEnabled: false, drsAutomation: 'manual' } })).filter(
      (p) => p.code === 'cluster-ha-drs',
    )
    expect(cl.map((p) => p.message)).toEqual([
      'Cluster "cluster" has vSphere HA off; a Supervisor needs it on',
      'Cluster "cluster" has DRS manual; a Supervisor needs DRS fully automated',
    ])
  })
  it('binds a Supervisor to one cluster, or three for three zones', () => {
    const t = smallLab()
    expect(codes({ ...t, links: [] })).toContain('supervisor-cluster-count@sv-1')
    expect(codes(smallLab({ supervisor: { zones: 3 } }))).toContain('supervisor-cluster-count@sv-1')
  })
  it('needs an NSX single-zone Supervisor for vSphere Pods', () => {
    const t = smallLab({ network: { type: 'vds' }, nodes: [{ kind: 'pod', id: 'pod-1' }] })
    const p = validateTopology(t).find((x) => x.code === 'pods-need-nsx-single-zone')
    expect(p).toMatchObject({ severity: 'error', objectId: 'pod-1' })
    expect(p?.message).toContain('VDS networking')
  })
  it('checks a VM against its namespace: class, storage class and image', () => {
    const t = smallLab({
      nodes: [
        {
          kind: 'vm',
          id: 'vm-1',
          spec: { className: 'guaranteed-xlarge', storageClass: 'silver', image: 'windows' },
        },
      ],
    })
    expect(codes(t).filter((c) => c.endsWith('@vm-1'))).toEqual([
      'vm-class-or-storage-not-bound@vm-1',
      'vm-class-or-storage-not-bound@vm-1',
      'vm-image-not-in-library@vm-1',
    ])
  })
  it('checks names, uniqueness and parents', () => {
    let t = smallLab({
      nodes: [
        { kind: 'pod', id: 'pod-1', name: 'Web_1' },
        { kind: 'pod', id: 'pod-2', name: 'db' },
        { kind: 'pod', id: 'pod-3', name: 'db' },
      ],
    })
    expect(codes(t)).toEqual(
      expect.arrayContaining(['name-not-dns-label@pod-1', 'name-not-unique-in-namespace@pod-3']),
    )
    t = {
      ...t,
      nodes: [
        ...t.nodes,
        { id: 'ns-2', kind: 'namespace', name: 'team', parentId: 'sv-1', position: { x: 0, y: 0 }, spec: {} },
      ],
    }
    expect(codes(t)).toContain('namespace-name-not-unique@ns-2')
    t = { ...t, nodes: t.nodes.map((n) => (n.id === 'pod-2' ? { ...n, parentId: 'sv-1' } : n)) }
    expect(codes(t)).toContain('parent-not-allowed@pod-2')
  })
  it('finds overlapping CIDRs', () => {
    const t = setSpec(smallLab(), 'net-1', { ingressCidr: '10.244.1.0/24' })
    expect(validateTopology(t).find((p) => p.code === 'cidr-overlap')?.message).toBe(
      'The namespace CIDR 10.244.0.0/20 overlaps the ingress CIDR 10.244.1.0/24',
    )
  })
  it('flags unsupported pod specs and a TKC control plane of 2', () => {
    const t = smallLab({
      nodes: [
        {
          kind: 'pod',
          id: 'pod-1',
          spec: { hostNetwork: true, volumes: [{ name: 'h', claimName: '', hostPath: '/etc' }] },
        },
        { kind: 'tkc', id: 'tkc-1' },
      ],
    })
    const t2 = {
      ...t,
      nodes: t.nodes.map((n) =>
        n.id === 'tkc-1'
          ? { ...n, spec: { ...n.spec, controlPlane: { replicas: 2, vmClass: 'best-effort-small' } } }
          : n,
      ),
    }
    expect(codes(t2)).toEqual(
      expect.arrayContaining([
        'pod-unsupported-spec@pod-1',
        'pod-host-network-ignored@pod-1',
        'tkc-control-plane-count@tkc-1',
        'spec-invalid@tkc-1',
      ]),
    )
  })
  it('gives every problem a stable code, a message and a fix', () => {
    expect(new Set(RULES.map((r) => r.code)).size).toBe(RULES.length)
    for (const p of validateTopology(
      smallLab({ hosts: [{}], network: { type: 'vds' }, nodes: [{ kind: 'pod', id: 'pod-1' }] }),
    )) {
      expect(p.code).toMatch(/^[a-z0-9-]+$/)
      expect(p.message.length).toBeGreaterThan(10)
      expect(p.hint.length).toBeGreaterThan(5)
    }
  })
})

describe('default VM classes (DOMAIN.md 6.1)', () => {
  it('has 16 classes; guaranteed reserves the whole size, best-effort nothing', () => {
    expect(DEFAULT_VM_CLASSES).toHaveLength(16)
    expect(defaultVmClass('guaranteed-medium')).toMatchObject({
      vcpus: 2,
      memoryMiB: 8192,
      reservedCpuMillis: 2000,
      reservedMemoryMiB: 8192,
    })
    expect(defaultVmClass('best-effort-large')).toMatchObject({
      vcpus: 4,
      reservedCpuMillis: 0,
      reservedMemoryMiB: 0,
    })
    expect(defaultVmClass('best-effort-2xlarge')?.note).toContain('16 vCPU / 128 Gi')
  })
})
