import { describe, expect, it } from 'vitest'

import { createCursor } from '../../src/shared/engine/cursor'
import { plan } from '../../src/shared/engine/plan'
import { withTables } from '../../src/shared/engine/placement-on-demand'
import { initialState } from '../../src/shared/engine/state'
import { smallLab } from '../../src/shared/domain/small-lab'
import { final, GIB, texts, threeZoneLab, tkc, vm } from '../fixtures/engine-labs'

/** Zone of a host of threeZoneLab: host-1..3 in cl-1, host-2N in cl-2, host-3N in cl-3. */
const zoneOf = (host: string) => (/^host-(\d)\d$/.exec(host) ? `cl-${host[5]}` : 'cl-1')

describe('a three-zone Supervisor (DOMAIN.md 1.1, 1.2)', () => {
  it('spreads its control-plane VMs one per zone, even when one zone is the least busy', () => {
    // Zone 1 is idle and the others busy: ranking by active memory alone put all three in zone 1.
    const lab = threeZoneLab({ zoneHosts: { activeMemoryMiB: 100 * GIB } })
    const run = plan(lab, undefined, 1)
    const end = createCursor(run, initialState(lab)).stateAt(run.steps.length)
    const hosts = [1, 2, 3].map((i) => String(end.objects[`sv-1/cp-${i}`]?.['host']))
    expect(new Set(hosts.map(zoneOf))).toEqual(new Set(['cl-1', 'cl-2', 'cl-3']))
    const deploys = run.steps.filter((s) => s.action === 'cp-vm-deploy')
    expect(deploys.map((s) => s.placement?.by)).toEqual(['eam', 'eam', 'eam'])
    expect(deploys[1]?.text).toContain('one per zone')
    expect(final(run, 'sv-1').status).toBe('Running')
  })

  it("gives each zone's resource pool a third of the namespace limits and places reservations within it", () => {
    // guaranteed-small reserves 2 vCPU at 2600 MHz = 5200 MHz: one per zone fits under 15600 / 3.
    const lab = threeZoneLab({
      zoneHosts: { activeMemoryMiB: 100 * GIB },
      namespace: { cpuLimitMhz: 15600, memoryLimitMiB: 300 * GIB },
      nodes: ['vm-1', 'vm-2', 'vm-3', 'vm-4'].map((id) => vm(id, 'guaranteed-small')),
    })
    const run = plan(lab, undefined, 1)
    const end = createCursor(run, initialState(lab)).stateAt(run.steps.length)
    const ns = end.namespaces['ns-1']!
    for (const z of ['cl-1', 'cl-2', 'cl-3']) {
      expect(ns[`rpLimit:${z}:cpuMhz`]).toBe(5200)
      expect(ns[`rpLimit:${z}:memoryMiB`]).toBe(100 * GIB)
    }
    const zones = ['vm-1', 'vm-2', 'vm-3'].map((id) => zoneOf(String(end.objects[id]?.['host'])))
    expect(new Set(zones)).toEqual(new Set(['cl-1', 'cl-2', 'cl-3']))
    expect(final(run, 'vm-4').status).toBe('Failed')
    expect(final(run, 'vm-4').reason).toContain('limit reached')
    expect(texts(run)).toContain('CPU limit 5200 MHz of the 15600 MHz')
    expect(run.steps.find((s) => s.object === 'vm-4' && s.failure)?.text).toContain('in zone cluster-3')
  })

  it("spreads a cluster's control plane over the zones and keeps each node pool in one zone", () => {
    const lab = threeZoneLab({
      zoneHosts: { activeMemoryMiB: 100 * GIB },
      nodes: [tkc('tkc-1', 3, 2)],
    })
    const run = plan(lab, undefined, 1)
    const end = createCursor(run, initialState(lab)).stateAt(run.steps.length)
    const cp = [1, 2, 3].map((i) => zoneOf(String(end.objects[`tkc-1/cp-${i}`]?.['host'])))
    expect(new Set(cp)).toEqual(new Set(['cl-1', 'cl-2', 'cl-3']))
    const workers = [1, 2].map((i) => String(end.objects[`tkc-1/np-1-${i}`]?.['host']))
    expect(new Set(workers.map(zoneOf)).size).toBe(1)
    expect(new Set(workers).size).toBe(2)
    expect(run.steps.find((s) => s.object === 'tkc-1/cp-2' && s.action === 'tkc-machine')?.text).toContain(
      'in zone cluster-2',
    )
    expect(final(run, 'tkc-1').status).toBe('Running')
  })

  it('says three zones where there are three, and one where there is one', () => {
    const three = plan(threeZoneLab(), undefined, 1)
    expect(three.steps[0]?.text).toContain('three zones')
    expect(three.steps.find((s) => s.action === 'supervisor-infra')?.text).toContain('in each zone')
    const one = plan(smallLab(), undefined, 1)
    expect(one.steps[0]?.text).toContain('one zone')
    expect(one.steps.find((s) => s.action === 'supervisor-infra')?.text).not.toContain('in each zone')
  })

  it("keeps HA restarts within the failed host's own cluster (zone)", () => {
    const lab = threeZoneLab({ nodes: [vm('vm-1', 'guaranteed-small')] })
    const clean = plan(lab, undefined, 1)
    const end = createCursor(clean, initialState(lab)).stateAt(clean.steps.length)
    const host = String(end.objects['vm-1']?.['host'])
    const run = plan(lab, undefined, 1, [
      { kind: 'host-failure', target: host, atSeq: clean.steps.length + 1 },
    ])
    const restart = withTables(run, initialState(lab)).steps.find(
      (s) => s.object === 'vm-1' && s.action === 'ha-restart',
    )
    expect(restart?.placement?.rows.every((r) => zoneOf(r.host) === zoneOf(host))).toBe(true)
    expect(zoneOf(String(restart?.placement?.chosen))).toBe(zoneOf(host))
  })
})
