import { describe, expect, it } from 'vitest'

import { plan } from './plan'
import { withTables } from './placement-on-demand'
import { initialState } from './state'
import { podSpec, smallLab, type NodeInput } from '../domain/small-lab'
import type { Fault, Run } from './types'
import { final } from '../../../test/fixtures/engine-labs'

const GIB = 1024
const failureCodes = (run: Run, id?: string) =>
  run.steps.filter((s) => s.failure && (id === undefined || s.object === id)).map((s) => s.failure!.code)
const pods = (
  n: number,
  spec = podSpec({ cpu: 500, memory: 512 }, { cpu: 1000, memory: 1024 }),
): NodeInput[] => Array.from({ length: n }, (_, i) => ({ kind: 'pod', id: `pod-${i + 1}`, spec }))

describe('failures the platform shows (DOMAIN.md 4c, 4d)', () => {
  it('rejects a pod at admission when the namespace pod quota is used up', () => {
    const run = plan(smallLab({ namespace: { objectCounts: { pods: 2 } }, nodes: pods(3) }), undefined, 1)
    expect(final(run, 'pod-2').status).toBe('Running')
    expect(final(run, 'pod-3')).toEqual({
      status: 'Failed',
      reason: 'exceeded quota: pods, requested: 1, used: 2, limited: 2',
    })
    expect(failureCodes(run, 'pod-3')).toEqual(['quota-exceeded'])
  })
  it('counts limits against the namespace CPU limit exactly at the boundary', () => {
    // 1000m limit on 2600 MHz cores = 2600 MHz per pod: two fit in 5200 MHz, not in 5199.
    const fits = plan(smallLab({ namespace: { cpuLimitMhz: 5200 }, nodes: pods(2) }), undefined, 1)
    expect(final(fits, 'pod-2').status).toBe('Running')
    const short = plan(smallLab({ namespace: { cpuLimitMhz: 5199 }, nodes: pods(2) }), undefined, 1)
    expect(final(short, 'pod-2').reason).toContain('exceeded quota: limits.cpu')
  })
  it("leaves a pod Pending with each host's reason when none is feasible", () => {
    const big = podSpec({ cpu: 500, memory: 300 * GIB }, { cpu: 500, memory: 300 * GIB })
    const lab = smallLab({ nodes: [{ kind: 'pod', id: 'pod-1', spec: big }] })
    const run = withTables(plan(lab, undefined, 1), initialState(lab))
    const { status, reason } = final(run, 'pod-1')
    expect(status).toBe('Pending')
    expect(reason).toMatch(
      /^0\/3 nodes are available: esxi-1: Insufficient memory.*esxi-3: Insufficient memory/,
    )
    expect(run.steps.find((s) => s.object === 'pod-1' && s.failure)?.placement?.rows).toHaveLength(3)
  })
  it('fails a pod whose limit is larger than any host when the CRX powers on', () => {
    const spec = podSpec({ cpu: 500, memory: 512 }, { cpu: 64000, memory: 1024 })
    const run = plan(smallLab({ nodes: [{ kind: 'pod', id: 'pod-1', spec }] }), undefined, 1)
    expect(final(run, 'pod-1').status).toBe('Failed')
    expect(final(run, 'pod-1').reason).toContain('fails to deploy')
    expect(failureCodes(run, 'pod-1')).toEqual(['limit-exceeds-host'])
  })
  it('rejects an unsupported hostPath and ignores hostNetwork', () => {
    const run = plan(
      smallLab({
        nodes: [
          {
            kind: 'pod',
            id: 'pod-1',
            spec: { ...podSpec(), volumes: [{ name: 'h', claimName: '', hostPath: '/etc' }] },
          },
          { kind: 'pod', id: 'pod-2', spec: { ...podSpec(), hostNetwork: true } },
        ],
      }),
      undefined,
      1,
    )
    expect(failureCodes(run, 'pod-1')).toEqual(['unsupported-spec'])
    expect(final(run, 'pod-2').status).toBe('Running')
    expect(run.steps.some((s) => s.object === 'pod-2' && s.text.includes('hostNetwork is ignored'))).toBe(
      true,
    )
  })
  it('refuses vSphere Pods on a VDS Supervisor and on three zones', () => {
    const vds = plan(
      smallLab({ network: { type: 'vds', loadBalancer: 'haproxy' }, nodes: pods(1) }),
      undefined,
      1,
    )
    expect(failureCodes(vds, 'pod-1')).toEqual(['pods-not-supported'])
    expect(final(vds, 'pod-1').reason).toContain('vSphere Pods need NSX')
  })
  it('refuses vSphere Pods on a three-zone Supervisor but runs its VMs', () => {
    const extra: NodeInput[] = [2, 3].flatMap((c) => [
      { kind: 'cluster' as const, id: `cl-${c}`, parentId: 'vc-1' },
      ...[1, 2, 3].map((h) => ({ kind: 'host' as const, id: `host-${c}${h}`, parentId: `cl-${c}` })),
    ])
    const t = smallLab({
      supervisor: { zones: 3 },
      policy: { zonal: true },
      nodes: [
        ...extra,
        ...pods(1),
        { kind: 'vm', id: 'vm-1', spec: { image: 'ubuntu', storageClass: 'gold' } },
      ],
    })
    const links = [2, 3].map((c) => ({
      id: `l-${c}`,
      kind: 'supervisor-cluster' as const,
      source: 'sv-1',
      target: `cl-${c}`,
    }))
    const run = plan({ ...t, links: [...t.links, ...links] }, undefined, 1)
    expect(final(run, 'sv-1').status).toBe('Running')
    expect(failureCodes(run, 'pod-1')).toEqual(['pods-not-supported'])
    expect(final(run, 'pod-1').reason).toContain('three zones')
    expect(final(run, 'vm-1').status).toBe('Running')
  })
  it('does not create a VM whose class or storage class is not bound to the namespace', () => {
    const run = plan(
      smallLab({
        nodes: [
          {
            kind: 'vm',
            id: 'vm-1',
            spec: { className: 'guaranteed-large', image: 'ubuntu', storageClass: 'gold' },
          },
          {
            kind: 'vm',
            id: 'vm-2',
            spec: { className: 'best-effort-small', image: 'ubuntu', storageClass: 'silver' },
          },
          {
            kind: 'vm',
            id: 'vm-3',
            spec: { className: 'best-effort-small', image: 'windows', storageClass: 'gold' },
          },
          {
            kind: 'vm',
            id: 'vm-4',
            spec: { className: 'guaranteed-small', image: 'ubuntu', storageClass: 'gold' },
          },
        ],
      }),
      undefined,
      1,
    )
    expect(failureCodes(run, 'vm-1')).toEqual(['vm-class-not-bound'])
    expect(failureCodes(run, 'vm-2')).toEqual(['storage-class-not-bound'])
    expect(failureCodes(run, 'vm-3')).toEqual(['vm-image-not-found'])
    expect(final(run, 'vm-4').status).toBe('Running')
  })
  it('fails to enable a Supervisor on a cluster of two hosts', () => {
    const run = plan(smallLab({ hosts: [{}, {}], nodes: pods(1) }), undefined, 1)
    expect(final(run, 'sv-1')).toEqual({
      status: 'Failed',
      reason: 'compatibility check failed: Cluster "cluster" has 2 host(s); a Supervisor needs at least 3',
    })
    expect(final(run, 'ns-1').status).toBe('Failed')
    expect(final(run, 'pod-1').status).toBe('Failed')
  })
})

describe('injected faults (DOMAIN.md 5)', () => {
  const lab = smallLab({
    nodes: [
      ...pods(1),
      {
        kind: 'deployment',
        id: 'dep-1',
        name: 'web',
        spec: { ...podSpec({ cpu: 250, memory: 256 }), replicas: 2 },
      },
      {
        kind: 'vm',
        id: 'vm-1',
        spec: { className: 'guaranteed-small', image: 'ubuntu', storageClass: 'gold' },
      },
    ],
  })
  const clean = plan(lab, undefined, 1)
  const end = clean.steps.length + 1
  const hostOf = (id: string) => {
    let host = ''
    for (const s of clean.steps)
      for (const e of s.effects)
        if (e.id === id && e.key === 'host' && e.after !== null) host = String(e.after)
    return host
  }

  it('host failure: HA restarts VMs, the ReplicaSet replaces replicas, a bare Pod is lost', () => {
    const host = hostOf('pod-1')
    const run = plan(lab, undefined, 1, [{ kind: 'host-failure', target: host, atSeq: end }])
    expect(run.steps[end - 1]?.sequence).toBe('fault')
    expect(final(run, 'pod-1').status).toBe('Failed')
    expect(final(run, 'pod-1').reason).toContain('(assumed)')
    const restarted = run.steps.filter((s) => s.action === 'ha-restart')
    expect(restarted.map((s) => s.placement?.chosen)).not.toContain(host)
    expect(final(run, 'dep-1').status).toBe('Running')
    for (const s of run.steps.slice(end)) expect(s.placement?.chosen ?? '').not.toBe(host)
  })
  it('host maintenance: DRS vMotions VMs away and nothing is placed there afterwards', () => {
    const host = hostOf('vm-1')
    const run = plan(lab, undefined, 1, [{ kind: 'host-maintenance', target: host, atSeq: 2 }])
    expect(run.steps[1]?.text).toContain('maintenance mode')
    for (const s of run.steps) expect(s.placement?.chosen ?? '').not.toBe(host)
    expect(final(run, 'vm-1').status).toBe('Running')
  })
  it('registry outage: image pulls back off, then the pod fails; a short outage is ridden out', () => {
    const podAt = clean.steps.find((s) => s.object === 'pod-1')!.seq
    const long = plan(lab, undefined, 1, [{ kind: 'registry-outage', target: 'docker.io', atSeq: podAt }])
    expect(failureCodes(long, 'pod-1')).toEqual([
      ...Array<string>(5).fill('image-pull-backoff'),
      'image-pull-failed',
    ])
    expect(
      long.steps
        .filter((s) => s.object === 'pod-1' && s.failure)
        .map((s) => s.duration)
        .slice(0, 5),
    ).toEqual([10000, 20000, 40000, 80000, 160000])
    const short = plan(lab, undefined, 1, [
      { kind: 'registry-outage', target: 'docker.io', atSeq: podAt, value: '25000' },
    ])
    expect(final(short, 'pod-1').status).toBe('Running')
    expect(failureCodes(short, 'pod-1')).toContain('image-pull-backoff')
  })
  it('quota change: objects admitted later are checked against the new limit', () => {
    const depAt = clean.steps.find((s) => s.object === 'dep-1')!.seq
    const run = plan(lab, undefined, 1, [
      { kind: 'quota-change', target: 'team', atSeq: depAt, value: 'pods=2' },
    ])
    expect(final(run, 'dep-1/0').status).toBe('Running')
    expect(final(run, 'dep-1/1').reason).toContain('exceeded quota: pods')
    expect(final(run, 'dep-1').status).toBe('Degraded')
  })
  it('IP exhaustion: NSX cannot give a vNIC an address', () => {
    const podAt = clean.steps.find((s) => s.object === 'pod-1')!.seq
    const run = plan(lab, undefined, 1, [
      { kind: 'ip-exhaustion', target: 'ns-1', atSeq: podAt } satisfies Fault,
    ])
    expect(failureCodes(run, 'pod-1')).toEqual(['ip-exhausted'])
    expect(final(run, 'vm-1').reason).toContain('no free IP')
  })
  it('names an unknown target', () => {
    expect(() => plan(lab, undefined, 1, [{ kind: 'host-failure', target: 'esxi-99', atSeq: 3 }])).toThrow(
      'no ESXi host with id or name "esxi-99"',
    )
  })
})
