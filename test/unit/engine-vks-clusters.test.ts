import { describe, expect, it } from 'vitest'

import { loadSample } from '../../src/node/demo-lab'
import { smallLab } from '../../src/shared/domain/small-lab'
import { plan } from '../../src/shared/engine/plan'
import type { Fault } from '../../src/shared/engine/types'
import { field, final, texts, tkc } from '../fixtures/engine-labs'

const zones = loadSample('vcf9-zones').topology
const zoneOfHost = (hostId: string) => zones.nodes.find((n) => n.id === hostId)?.parentId
const failure = (target: string, atSeq: number): Fault => ({ kind: 'host-failure', target, atSeq })

describe('VKS clusters in the run', () => {
  it('render their builtin-generic ClusterClass with its namespace, variables and health checks', () => {
    const run = plan(zones, undefined, 1)
    const render = run.steps.find((s) => s.object === 'tkc-1' && s.action === 'tkc-render')!
    expect(render.text).toContain('ClusterClass builtin-generic-v3.4.0 from vmware-system-vks-public')
    expect(render.text).toContain('variables vmClass and storageClass')
    expect(render.text).toContain('np-b in failure domain zone-b')
    expect(render.text).toContain(
      'MachineHealthChecks, one for the control plane and one per MachineDeployment',
    )
    expect(render.text).toContain('VKr v1.31.4---vmware.1-fips-vkr.3')
  })

  it('put each node pool in the zone its failure domain names, and the control plane one per zone', () => {
    const run = plan(zones, undefined, 1)
    for (const [pool, cluster] of [
      ['np-a', 'cl-a'],
      ['np-b', 'cl-b'],
      ['np-c', 'cl-c'],
    ] as const)
      expect(zoneOfHost(String(field(run, 'objects', `tkc-1/${pool}-1`, 'host')))).toBe(cluster)
    const cp = [1, 2, 3].map((i) => zoneOfHost(String(field(run, 'objects', `tkc-1/cp-${i}`, 'host'))))
    expect(new Set(cp).size).toBe(3)
  })

  it('leave a node HA restarted to its MachineHealthCheck, which sees it back in time', () => {
    const base = plan(zones, undefined, 1)
    const run = plan(zones, undefined, 1, [failure('esxi-b1', base.steps.length + 1)])
    const check = run.steps.find((s) => s.action === 'mhc-check')
    expect(check?.text).toContain('within the 5-minute timeout')
    expect(run.steps.some((s) => s.action === 'mhc-remediate')).toBe(false)
    expect(final(run, 'tkc-1').status).toBe('Running')
  })

  it('replace a Machine HA cannot bring back: deleted after 5 minutes, a new one in its failure domain', () => {
    const base = plan(zones, undefined, 1)
    const at = base.steps.length + 1
    const run = plan(zones, undefined, 1, [
      failure('esxi-b1', at),
      failure('esxi-b2', at),
      failure('esxi-b3', at),
    ])
    const remediate = run.steps.filter((s) => s.action === 'mhc-remediate')
    expect(remediate.map((s) => s.object).sort()).toEqual(['tkc-1/cp-2', 'tkc-1/np-b-1'])
    expect(remediate.every((s) => s.duration === 5 * 60_000)).toBe(true)
    expect(final(run, 'tkc-1/cp-2')).toEqual({
      status: 'Deleted',
      reason: 'remediated by MachineHealthCheck',
    })
    // The replacements are Machines of the same groups, in zone zone-b (KCP's fewest, the pool's
    // failure domain), where no host is up: they wait, and the cluster runs on two zones.
    expect(field(run, 'objects', 'tkc-1/cp-4', 'zone')).toBe('cl-b')
    expect(field(run, 'objects', 'tkc-1/np-b-2', 'zone')).toBe('cl-b')
    expect(final(run, 'tkc-1/np-b-2').status).toBe('Pending')
    expect(final(run, 'tkc-1/np-b-2').reason).toContain('NoAvailableHosts')
    expect(final(run, 'tkc-1').status).toBe('Degraded')
    expect(final(run, 'tkc-2').status).toBe('Running')
  })

  it('do not remediate a control plane of one machine (KubeadmControlPlane needs two)', () => {
    // Three hosts and a guaranteed node that only one host can hold: HA cannot restart it.
    const t = smallLab({
      hosts: [{ memoryMiB: 20 * 1024 }, { memoryMiB: 3 * 1024 }, { memoryMiB: 3 * 1024 }],
      nodes: [tkc('tkc-1', 1, 0, 'guaranteed-small', [])],
    })
    const base = plan(t, undefined, 1)
    const host = String(field(base, 'objects', 'tkc-1/cp-1', 'host'))
    const name = t.nodes.find((n) => n.id === host)!.name
    const run = plan(t, undefined, 1, [failure(name, base.steps.length + 1)])
    const step = run.steps.find((s) => s.action === 'mhc-remediate')
    expect(step?.text).toContain('does not remediate a control plane of one machine')
    expect(final(run, 'tkc-1/cp-1').status).toBe('Pending')
    expect(texts(run)).not.toContain('to replace')
  })
})
