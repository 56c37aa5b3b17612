import { describe, expect, it } from 'vitest'

import { smallLab } from '../../src/shared/domain/small-lab'
import type { Topology } from '../../src/shared/domain/topology'
import { createCursor } from '../../src/shared/engine/cursor'
import { plan } from '../../src/shared/engine/plan'
import { withTables } from '../../src/shared/engine/placement-on-demand'
import { initialState } from '../../src/shared/engine/state'
import type { EngineState, Run } from '../../src/shared/engine/types'
import { final, GIB, tkc } from '../fixtures/engine-labs'

const endOf = (lab: Topology, run: Run, deployed?: { topology: Topology; state: EngineState }) =>
  createCursor(run, initialState(lab, deployed)).stateAt(run.steps.length)
const hostOf = (state: EngineState, id: string) => String(state.objects[id]?.['host'])

/** Host 1 idle, hosts 2 and 3 busy: by active memory alone DRS would stack every VM on host 1. */
const busy = [{}, { activeMemoryMiB: 100 * GIB }, { activeMemoryMiB: 100 * GIB }]

describe("cluster modules keep a cluster's nodes apart (DOMAIN.md 4e step 3, 5)", () => {
  it('puts the three control-plane nodes on three hosts and the workers on three hosts', () => {
    const lab = smallLab({ hosts: busy, nodes: [tkc('tkc-1', 3, 3)] })
    const run = plan(lab, undefined, 1)
    const end = endOf(lab, run)
    const cp = [1, 2, 3].map((i) => hostOf(end, `tkc-1/cp-${i}`))
    const workers = [1, 2, 3].map((i) => hostOf(end, `tkc-1/np-1-${i}`))
    expect(new Set(cp).size).toBe(3)
    expect(new Set(workers).size).toBe(3)
    const placed = withTables(run, initialState(lab)).steps.find(
      (s) => s.object === 'tkc-1/cp-2' && s.placement,
    )!.placement!
    expect(placed.rules).toEqual([
      expect.objectContaining({ name: 'cluster module tkc-1/control-plane', hard: false }),
    ])
    expect(placed.rows.find((r) => r.host === cp[0])?.rules?.[0]).toEqual({
      pass: false,
      reason: 'tkc-1-control-plane-1 runs here',
    })
    expect(final(run, 'tkc-1').status).toBe('Running')
  })

  it('says so when there are fewer hosts than nodes, and breaks the soft rule only then', () => {
    const lab = smallLab({ nodes: [tkc('tkc-1', 1, 4)] })
    const run = plan(lab, undefined, 1)
    const end = endOf(lab, run)
    expect(new Set([1, 2, 3].map((i) => hostOf(end, `tkc-1/np-1-${i}`))).size).toBe(3)
    const fourth = run.steps.find((s) => s.object === 'tkc-1/np-1-4' && s.placement)!
    expect(fourth.text).toContain('fewer hosts than members')
    expect(fourth.text).toContain(
      'soft rule is broken (DRS cluster module, soft VM-VM anti-affinity [CAPV][TZ-AA])',
    )
    expect(final(run, 'tkc-1').status).toBe('Running')
  })
})

describe("the Supervisor control-plane VMs' firm anti-affinity policy [KC]", () => {
  const lab = smallLab()
  const clean = plan(lab, undefined, 1)
  const cpHost = hostOf(endOf(lab, clean), 'sv-1/cp-1')

  it('with three hosts, HA does not restart a control-plane VM onto a host that runs another', () => {
    const run = plan(lab, undefined, 1, [
      { kind: 'host-failure', target: cpHost, atSeq: clean.steps.length + 1 },
    ])
    const end = endOf(lab, run)
    // HA does not restart it: it waits, Pending, for a host without a control-plane VM.
    expect(final(run, 'sv-1/cp-1').status).toBe('Pending')
    expect(final(run, 'sv-1/cp-1').reason).toContain('that rule is hard')
    expect(end.objects['sv-1/cp-1']?.['host']).toBeUndefined()
    const others = [hostOf(end, 'sv-1/cp-2'), hostOf(end, 'sv-1/cp-3')]
    expect(new Set(others).size).toBe(2)
    expect(final(run, 'sv-1').status).toBe('Running')
    expect(run.steps.find((s) => s.object === 'sv-1/cp-1' && s.action === 'ha-restart')?.text).toContain(
      'The Supervisor runs on with the other control-plane VMs',
    )
  })

  it('restarts it once a host without one joins the cluster', () => {
    const run1 = plan(lab, undefined, 1, [
      { kind: 'host-failure', target: cpHost, atSeq: clean.steps.length + 1 },
    ])
    const deployed = { topology: lab, state: endOf(lab, run1) }
    const more = smallLab({ hosts: [{}, {}, {}, {}] })
    const run2 = plan(more, deployed, 1)
    const restart = run2.steps.find((s) => s.object === 'sv-1/cp-1' && s.action === 'ha-restart')!
    expect(restart.text).toContain(
      'vSphere HA restarts supervisorcontrolplanevm-1 on esxi-4, on its periodic pass',
    )
    expect(final(run2, 'sv-1/cp-1').status).toBe('Running')
  })

  it('with a fourth host, HA restarts it there', () => {
    const four = smallLab({ hosts: [{}, {}, {}, {}] })
    const first = plan(four, undefined, 1)
    const end0 = endOf(four, first)
    const host = hostOf(end0, 'sv-1/cp-1')
    const free = ['host-1', 'host-2', 'host-3', 'host-4'].find(
      (h) => ![1, 2, 3].some((i) => hostOf(end0, `sv-1/cp-${i}`) === h),
    )
    const run = plan(four, undefined, 1, [
      { kind: 'host-failure', target: host, atSeq: first.steps.length + 1 },
    ])
    expect(
      run.steps.find((s) => s.object === 'sv-1/cp-1' && s.action === 'ha-restart')?.placement?.chosen,
    ).toBe(free)
    expect(final(run, 'sv-1/cp-1').status).toBe('Running')
  })

  it('bends during host maintenance, and says so', () => {
    const run = plan(lab, undefined, 1, [
      { kind: 'host-maintenance', target: cpHost, atSeq: clean.steps.length + 1 },
    ])
    const move = run.steps.find((s) => s.object === 'sv-1/cp-1' && s.action === 'vmotion')!
    expect(move.text).toContain('vSphere bends the firm policy then [KC]')
    expect(move.placement?.rules?.[0]?.hard).toBe(false)
    expect(final(run, 'sv-1/cp-1').status).toBe('Running')
  })
})

describe('an HA restart may break a soft rule, and DRS separates the VMs when a host allows it', () => {
  const lab = smallLab({ nodes: [tkc('tkc-1', 1, 3, 'guaranteed-small')] })
  const first = plan(lab, undefined, 1)
  const end0 = endOf(lab, first)
  const victim = 'tkc-1/np-1-1'
  const failed = hostOf(end0, victim)
  const run1 = plan(lab, undefined, 1, [
    { kind: 'host-failure', target: failed, atSeq: first.steps.length + 1 },
  ])

  it('restarts a worker next to its sibling when no other host is left, saying which rule breaks', () => {
    expect(new Set([1, 2, 3].map((i) => hostOf(end0, `tkc-1/np-1-${i}`))).size).toBe(3)
    const restart = run1.steps.find((s) => s.object === victim && s.action === 'ha-restart')!
    expect(restart.text).toContain('This breaks the soft rule of cluster module tkc-1/np-1')
    expect(restart.text).toContain('[CAPV][TZ-AA]')
    expect(final(run1, victim).status).toBe('Running')
  })

  it('moves it to a host of its own once one can take it (a host added for the next run)', () => {
    const deployed = { topology: lab, state: endOf(lab, run1) }
    const more = smallLab({ hosts: [{}, {}, {}, {}], nodes: [tkc('tkc-1', 1, 3, 'guaranteed-small')] })
    const run2 = plan(more, deployed, 1)
    // The victim shares a host with a sibling; DRS moves one of the two to the new host.
    const move = run2.steps.find((s) => s.action === 'vmotion')!
    expect(move.text).toMatch(/^DRS separates tkc-1-np-1-\d from tkc-1-np-1-\d again on its periodic pass/)
    expect(move.placement?.chosen).toBe('host-4')
    const end = endOf(more, run2, deployed)
    expect(hostOf(end, move.object)).toBe('host-4')
    expect(new Set([1, 2, 3].map((i) => hostOf(end, `tkc-1/np-1-${i}`))).size).toBe(3)
  })
})
