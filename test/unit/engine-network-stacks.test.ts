import { describe, expect, it } from 'vitest'

import { smallLab, type NodeInput } from '../../src/shared/domain/small-lab'
import { plan } from '../../src/shared/engine/plan'
import type { Run } from '../../src/shared/engine/types'
import { field, final, texts, tkc, vdsNetwork, vm } from '../fixtures/engine-labs'

/** A VM, a cluster and a LoadBalancer Service: every workload that needs an address or a VIP. */
const workloads: NodeInput[] = [
  vm('vm-1'),
  tkc('tkc-1', 1, 1),
  { kind: 'service', id: 'svc-1', name: 'web', spec: { type: 'LoadBalancer' } },
]
const lanes = (run: Run) => new Set(run.steps.flatMap((s) => [s.actor, s.target].map((l) => l.split(':')[0])))

describe('a VDS Supervisor is narrated as VDS (DOMAIN.md 1.1, 4a)', () => {
  for (const lb of ['haproxy', 'avi'] as const) {
    const run = plan(smallLab({ network: vdsNetwork(lb), nodes: workloads }), undefined, 1)
    const all = texts(run)

    it(`with ${lb}: nothing mentions NCP, Tier-1 gateways, segments, NSX VirtualNetworks or NSX VIPs`, () => {
      for (const word of [
        'NCP',
        'Tier-1',
        'VirtualNetwork',
        'segment',
        'NSX gives',
        'NSX load balancer',
        'SNAT',
      ])
        expect(all, word).not.toContain(word)
      expect(lanes(run).has('ncp')).toBe(false)
      expect(lanes(run).has('nsx')).toBe(false)
      expect(lanes(run).has('nsx-agent')).toBe(false)
      for (const id of ['sv-1', 'ns-1', 'vm-1', 'tkc-1', 'svc-1'])
        expect(final(run, id).status).toBe('Running')
    })

    it(`with ${lb}: the load balancer gives the VIPs from its range and VMs sit on the workload network`, () => {
      expect(lanes(run).has(lb)).toBe(true)
      const name = lb === 'haproxy' ? 'HAProxy' : 'NSX Advanced Load Balancer (Avi)'
      expect(run.steps.find((s) => s.action === 'api-vip')?.text).toContain(
        `${name} creates the kube-API virtual server`,
      )
      expect(run.steps.find((s) => s.action === 'service-vip')?.text).toContain(
        `${name} create a virtual service`,
      )
      expect(run.steps.find((s) => s.action === 'tkc-endpoint')?.text).toContain(
        `${name} gives it VIP 10.20.0.`,
      )
      expect(run.steps.find((s) => s.object === 'vm-1' && s.action === 'vm-network')?.text).toContain(
        'the workload network (a vSphere Network: a distributed port group)',
      )
      expect(run.steps.find((s) => s.action === 'namespace-network')?.text).toContain(
        'distributed port group',
      )
      expect(String(field(run, 'objects', 'svc-1', 'vip'))).toMatch(/^10\.20\.0\.\d+$/)
      // No SNAT address on VDS: the egress range is NSX's.
      expect(field(run, 'objects', 'ns-1', 'snat')).toBeNull()
    })
  }
})

describe('an NSX Supervisor is narrated as NSX', () => {
  const run = plan(smallLab({ nodes: [...workloads, { kind: 'pod', id: 'pod-1' }] }), undefined, 1)

  it('has NCP drive NSX Manager for the namespace network and the Service VIP', () => {
    const net = run.steps.find((s) => s.action === 'namespace-network')!
    expect([net.actor, net.target]).toEqual(['ncp', 'nsx'])
    expect(net.text).toContain('Tier-1 gateway')
    const vip = run.steps.find((s) => s.action === 'service-vip')!
    expect([vip.actor, vip.target]).toEqual(['ncp', 'nsx'])
    expect(vip.text).toContain("NCP creates a virtual server on the namespace's NSX load balancer")
  })

  it("gives a vSphere Pod its vNIC through the NSX agent on its host (the seed deck's words)", () => {
    const step5 = run.steps.find((s) => s.object === 'pod-1' && s.seedStep === 5)!
    expect(step5.target).toMatch(/^nsx-agent:host-\d$/)
    expect(step5.target.split(':')[1]).toBe(step5.actor.split(':')[1])
    expect(step5.text).toContain("The NSX agent on the host (the seed deck's description")
  })
})
