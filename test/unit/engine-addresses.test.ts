import { describe, expect, it } from 'vitest'

import { podSpec, smallLab, type NodeInput } from '../../src/shared/domain/small-lab'
import type { Topology } from '../../src/shared/domain/topology'
import { createCursor } from '../../src/shared/engine/cursor'
import { plan } from '../../src/shared/engine/plan'
import { applyEffects, initialState } from '../../src/shared/engine/state'
import type { EngineState, Run } from '../../src/shared/engine/types'
import { field, final, GIB, tkc, vm } from '../fixtures/engine-labs'

const ADDRESS_FIELDS = ['ip', 'vip', 'snat', 'floatingIp', 'spareIp']
const endOf = (lab: Topology, run: Run, deployed?: { topology: Topology; state: EngineState }) =>
  createCursor(run, initialState(lab, deployed)).stateAt(run.steps.length)

/** Addresses held by two objects at once, at any step of a run: [step, address, holders]. */
function duplicates(lab: Topology, run: Run): string[] {
  const state = initialState(lab)
  const out: string[] = []
  for (const step of run.steps) {
    applyEffects(state, step.effects)
    const holders = new Map<string, string[]>()
    for (const [id, o] of Object.entries(state.objects))
      for (const f of ADDRESS_FIELDS)
        if (typeof o[f] === 'string') holders.set(String(o[f]), [...(holders.get(String(o[f])) ?? []), id])
    for (const [ip, ids] of holders)
      if (ids.length > 1) out.push(`step ${step.seq}: ${ip} held by ${ids.join(', ')}`)
  }
  return out
}

const mixed: NodeInput[] = [
  { kind: 'pod', id: 'pod-1' },
  { kind: 'deployment', id: 'dep-1', spec: { ...podSpec({ cpu: 250, memory: 256 }), replicas: 3 } },
  vm('vm-1', 'guaranteed-small'),
  vm('vm-2'),
  tkc('tkc-1', 1, 2),
  { kind: 'service', id: 'svc-1', spec: { type: 'LoadBalancer' } },
]

describe('IP addresses come from allocators (DOMAIN.md 6.3)', () => {
  it('never hand one address to two objects, whichever step a host fails at', () => {
    const lab = smallLab({ nodes: mixed })
    const clean = plan(lab, undefined, 1)
    expect(duplicates(lab, clean)).toEqual([])
    for (let at = 20; at <= clean.steps.length; at += 3)
      for (const host of ['host-1', 'host-2']) {
        const run = plan(lab, undefined, 1, [{ kind: 'host-failure', target: host, atSeq: at }])
        expect(duplicates(lab, run), `${host} failing at step ${at}`).toEqual([])
      }
  })

  it("gives a deleted object's address back and hands it out again, never twice", () => {
    const lab = smallLab({
      nodes: [
        { kind: 'pod', id: 'pod-1' },
        { kind: 'pod', id: 'pod-2' },
      ],
    })
    const first = plan(lab, undefined, 1)
    const deployed = { topology: lab, state: endOf(lab, first) }
    const freed = deployed.state.objects['pod-1']?.['ip']
    const next = smallLab({
      nodes: [
        { kind: 'pod', id: 'pod-2' },
        { kind: 'pod', id: 'pod-3' },
      ],
    })
    const run = plan(next, deployed, 1)
    const end = endOf(next, run, deployed)
    expect(end.objects['pod-3']?.['ip']).toBe(freed)
    expect(end.objects['pod-3']?.['ip']).not.toBe(end.objects['pod-2']?.['ip'])
    expect(end.pools['ns-1/pool/segment']?.['used']).toBe(2)
  })

  it("honours a namespace's own namespace network, ingress and egress ranges", () => {
    const lab = smallLab({
      namespace: {
        networkOverride: {
          namespaceCidr: '10.50.0.0/24',
          ingressCidr: '10.60.0.0/28',
          egressCidr: '10.70.0.0/28',
        },
      },
      nodes: [
        { kind: 'pod', id: 'pod-1' },
        { kind: 'service', id: 'svc-1', spec: { type: 'LoadBalancer' } },
      ],
    })
    const run = plan(lab, undefined, 1)
    expect(String(field(run, 'objects', 'pod-1', 'ip'))).toMatch(/^10\.50\.0\.\d+$/)
    expect(String(field(run, 'objects', 'svc-1', 'vip'))).toMatch(/^10\.60\.0\.\d+$/)
    expect(String(field(run, 'objects', 'ns-1', 'snat'))).toMatch(/^10\.70\.0\.\d+$/)
    // The Supervisor's own API VIP still comes from the Supervisor's ingress range.
    expect(String(field(run, 'objects', 'sv-1', 'vip'))).toMatch(/^10\.20\.0\.\d+$/)
  })

  it('runs out of a namespace ingress range at its real size: a /28 has 14 VIPs', () => {
    const services: NodeInput[] = Array.from({ length: 15 }, (_, i) => ({
      kind: 'service',
      id: `svc-${String(i + 1).padStart(2, '0')}`,
      spec: { type: 'LoadBalancer' },
    }))
    const run = plan(
      smallLab({ namespace: { networkOverride: { ingressCidr: '10.60.0.0/28' } }, nodes: services }),
      undefined,
      1,
    )
    expect(final(run, 'svc-14').status).toBe('Running')
    expect(final(run, 'svc-15')).toEqual({ status: 'Failed', reason: 'no free VIP in the ingress range' })
  })
})

describe('lifecycles that cannot contradict themselves', () => {
  it('a VM whose HA restart cannot happen never reports Running again without a host', () => {
    // Three 40 GiB hosts, one 32 GiB guaranteed VM on each: no host can take another.
    const lab = smallLab({
      hosts: [{ memoryMiB: 40 * GIB }, { memoryMiB: 40 * GIB }, { memoryMiB: 40 * GIB }],
      nodes: ['vm-1', 'vm-2', 'vm-3'].map((id) => vm(id, 'guaranteed-xlarge')),
      namespace: { vmClasses: ['guaranteed-xlarge'] },
    })
    const clean = plan(lab, undefined, 1)
    const steps = clean.steps.filter((s) => s.object === 'vm-3')
    const host = String(field(clean, 'objects', 'vm-3', 'host'))
    for (const at of steps.map((s) => s.seq + 1)) {
      const run = plan(lab, undefined, 1, [{ kind: 'host-failure', target: host, atSeq: at }])
      const end = endOf(lab, run)
      for (const [id, o] of Object.entries(end.objects))
        if (o['status'] === 'Running' && (o['kind'] === 'vm' || o['kind'] === 'tkc-node')) {
          expect(o['host'], `${id} Running (fault at ${at})`).toBeDefined()
          expect(end.hosts[String(o['host'])]?.['state'], `${id}'s host (fault at ${at})`).toBe('connected')
        }
    }
  })

  it('a VM whose host fails while it is deployed is placed again, and keeps its address', () => {
    const lab = smallLab({ nodes: [vm('vm-1', 'guaranteed-small')] })
    const clean = plan(lab, undefined, 1)
    const deploy = clean.steps.find((s) => s.object === 'vm-1' && s.action === 'vm-deploy')!
    const host = String(field(clean, 'objects', 'vm-1', 'host'))
    const ip = field(clean, 'objects', 'vm-1', 'ip')
    const run = plan(lab, undefined, 1, [{ kind: 'host-failure', target: host, atSeq: deploy.seq + 1 }])
    const end = endOf(lab, run)
    expect(
      run.steps.find((s) => s.object === 'vm-1' && s.failure?.code === 'vm-deploy-interrupted'),
    ).toBeDefined()
    expect(final(run, 'vm-1').status).toBe('Running')
    expect(end.objects['vm-1']?.['host']).not.toBe(host)
    expect(end.objects['vm-1']?.['ip']).toBe(ip)
    expect(end.hosts[host]?.['reservedCpuMhz']).toBe(0)
  })

  it('a powered-off VM holds no reservation, so powered-on VMs fit beside it', () => {
    // Each 40 GiB host takes one 32 GiB reservation: the powered-off VMs must not take any.
    const off = ['off-1', 'off-2', 'off-3'].map((id) =>
      vm(id, 'guaranteed-xlarge', { powerState: 'PoweredOff' }),
    )
    const on = ['on-1', 'on-2', 'on-3'].map((id) => vm(id, 'guaranteed-xlarge'))
    const lab = smallLab({
      hosts: [{ memoryMiB: 40 * GIB }, { memoryMiB: 40 * GIB }, { memoryMiB: 40 * GIB }],
      namespace: { vmClasses: ['guaranteed-xlarge'] },
      nodes: [...off, ...on],
    })
    const run = plan(lab, undefined, 1)
    const end = endOf(lab, run)
    for (const id of ['off-1', 'off-2', 'off-3']) {
      expect(final(run, id).status).toBe('PoweredOff')
      expect(end.objects[id]?.['holdMemoryMiB']).toBeUndefined()
      expect(end.objects[id]?.['host']).toBeDefined()
    }
    for (const id of ['on-1', 'on-2', 'on-3']) expect(final(run, id).status).toBe('Running')
    const reserved = Object.values(end.hosts).reduce((a, h) => a + Number(h['reservedMemoryMiB']), 0)
    expect(reserved).toBe(3 * (32 * GIB + 64))
    // HA registers a powered-off VM on a healthy host after a failure, still off, holding nothing.
    const host = String(end.objects['off-1']?.['host'])
    const failed = plan(lab, undefined, 1, [
      { kind: 'host-failure', target: host, atSeq: run.steps.length + 1 },
    ])
    const after = endOf(lab, failed)
    expect(after.objects['off-1']?.['host']).not.toBe(host)
    expect(after.objects['off-1']?.['status']).toBe('PoweredOff')
    expect(after.objects['off-1']?.['holdMemoryMiB']).toBeUndefined()
  })

  it('HA waits for capacity to restart a VM, and restarts it when a host can take it', () => {
    const hosts = [{ memoryMiB: 40 * GIB }, { memoryMiB: 40 * GIB }, { memoryMiB: 40 * GIB }]
    const nodes = ['vm-1', 'vm-2', 'vm-3'].map((id) => vm(id, 'guaranteed-xlarge'))
    const namespace = { vmClasses: ['guaranteed-xlarge'] }
    const lab = smallLab({ hosts, nodes, namespace })
    const clean = plan(lab, undefined, 1)
    const host = String(field(clean, 'objects', 'vm-3', 'host'))
    const run1 = plan(lab, undefined, 1, [
      { kind: 'host-failure', target: host, atSeq: clean.steps.length + 1 },
    ])
    expect(final(run1, 'vm-3').status).toBe('Pending')
    expect(final(run1, 'vm-3').reason).toContain('it waits for some and retries')
    const deployed = { topology: lab, state: endOf(lab, run1) }
    const more = smallLab({ hosts: [...hosts, { memoryMiB: 40 * GIB }], nodes, namespace })
    const run2 = plan(more, deployed, 1)
    expect(run2.steps.find((s) => s.object === 'vm-3' && s.action === 'ha-restart')?.placement?.chosen).toBe(
      'host-4',
    )
    expect(final(run2, 'vm-3').status).toBe('Running')
  })

  it('a Pending pod is retried when capacity frees, and the step says so', () => {
    // Three 8 GiB hosts take one 5 GiB pod each; the fourth waits.
    const big = podSpec({ cpu: 500, memory: 5 * GIB })
    const four = ['pod-1', 'pod-2', 'pod-3', 'pod-4'].map((id) => ({ kind: 'pod' as const, id, spec: big }))
    const hosts = [{ memoryMiB: 8 * GIB }, { memoryMiB: 8 * GIB }, { memoryMiB: 8 * GIB }]
    const lab = smallLab({ hosts, nodes: four })
    const first = plan(lab, undefined, 1)
    expect(final(first, 'pod-4').status).toBe('Pending')
    expect(first.steps.find((s) => s.object === 'pod-4' && s.failure)?.text).toContain(
      'kube-scheduler keeps it in its unschedulable queue and tries again when capacity frees',
    )
    const deployed = { topology: lab, state: endOf(lab, first) }
    const without = smallLab({ hosts, nodes: four.slice(1) })
    const run = plan(without, deployed, 1)
    const retried = run.steps.find((s) => s.object === 'pod-4' && s.action === 'pod-filter-score')!
    expect(retried.text).toMatch(
      /^kube-scheduler retries Pod pod-4, Pending for lack of capacity, now that capacity came free on esxi-\d \(step 2\)/,
    )
    expect(final(run, 'pod-4').status).toBe('Running')
  })
})
