import { describe, expect, it } from 'vitest'

import { pickHost, place } from './placement'
import { emptyState } from './state'
import type { EngineState } from './types'

const GIB = 1024

/** Hosts of 100 GiB and 32 cores at 2 GHz, with reserved and active memory in GiB. */
function hosts(spec: Record<string, { reserved: number; active: number; podMem?: number }>): EngineState {
  const state = emptyState()
  for (const [id, h] of Object.entries(spec)) {
    state.hosts[id] = {
      name: id,
      state: 'connected',
      mhzPerCore: 2000,
      capacityCpuMhz: 64000,
      capacityMemoryMiB: 100 * GIB,
      reservedCpuMhz: 0,
      reservedMemoryMiB: h.reserved * GIB,
      podCpuMillis: 0,
      podMemoryMiB: (h.podMem ?? h.reserved) * GIB,
      activeCpuMhz: 0,
      activeMemoryMiB: h.active * GIB,
    }
    state.objects[`${id}/spherelet`] = { status: 'Running' }
  }
  return state
}

const need35 = {
  kube: { cpuMillis: 1000, memoryMiB: 35 * GIB },
  reserveCpuMillis: 1000,
  reserveMemoryMiB: 35 * GIB,
  overheadMemoryMiB: 64,
}

describe('explained placement (DOMAIN.md 5 worked example)', () => {
  // Three 100 GB hosts; a new 35 GB reservation. Host A has only 30 GB unreserved; B and C have
  // the same requests booked, so Kubernetes ties them; C is less active (45 vs 70 GB): DRS picks C.
  const state = hosts({
    A: { reserved: 70, active: 80, podMem: 60 },
    B: { reserved: 20, active: 70 },
    C: { reserved: 20, active: 45 },
  })
  const p = place(state, ['A', 'B', 'C'], need35)
  const row = (h: string) => p.rows.find((r) => r.host === h)!

  it('ties B and C in kube-scheduler', () => {
    expect(row('B').score).toBe(row('C').score)
    expect(row('B').score).not.toBeNull()
  })
  it('rejects A in DRS for lack of unreserved capacity, saying so', () => {
    expect(row('A').drs?.pass).toBe(false)
    expect(row('A').drs?.reason).toContain('unreserved memory 30 GiB')
  })
  it('picks C, the host with lower active usage', () => {
    expect(p.chosen).toBe('C')
    expect(row('C').chosen).toBe(true)
    expect(p.explanation).toContain('tie B and C')
    expect(p.explanation).toContain('DRS picks C')
    expect(row('C').needMemoryMiB).toBe(35 * GIB + 64)
  })
})

describe('capacity arithmetic at the boundary', () => {
  it('accepts a host whose unreserved memory equals reservation plus overhead exactly', () => {
    const state = hosts({ A: { reserved: 0, active: 0 } })
    state.hosts['A']!['reservedMemoryMiB'] = 100 * GIB - (35 * GIB + 64)
    expect(place(state, ['A'], need35).chosen).toBe('A')
  })
  it('refuses it one MiB short, so nothing is over-committed', () => {
    const state = hosts({ A: { reserved: 0, active: 0 } })
    state.hosts['A']!['reservedMemoryMiB'] = 100 * GIB - (35 * GIB + 64) + 1
    const p = place(state, ['A'], need35)
    expect(p.chosen).toBeNull()
    expect(p.explanation).toContain('no host is feasible')
  })
  it('filters in kube-scheduler when requests exceed allocatable, with the reason', () => {
    const state = hosts({ A: { reserved: 0, active: 0, podMem: 70 } })
    const p = place(state, ['A'], need35)
    expect(p.rows[0]!.filters.find((f) => !f.pass)?.reason).toMatch(/Insufficient memory/)
    expect(p.rows[0]!.drs).toBeNull()
  })
  it('skips failed and maintenance hosts', () => {
    const state = hosts({ A: { reserved: 0, active: 0 }, B: { reserved: 0, active: 0 } })
    state.hosts['A']!['state'] = 'failed'
    state.hosts['B']!['state'] = 'maintenance'
    const p = place(state, ['A', 'B'], need35)
    expect(p.chosen).toBeNull()
    expect(p.rows.map((r) => r.filters[0]?.reason)).toEqual([
      'host failed: node NotReady',
      'host in maintenance mode: node unschedulable',
    ])
  })
})

describe('DRS ties', () => {
  it('go to the first host by name, whatever the order or the seed, and the quiet pick agrees', () => {
    const state = hosts({ A: { reserved: 0, active: 10 }, B: { reserved: 0, active: 10 } })
    expect(place(state, ['A', 'B'], need35).chosen).toBe('A')
    expect(place(state, ['B', 'A'], need35).chosen).toBe('A')
    expect(pickHost(state, ['B', 'A'], need35)).toEqual({ host: 'A', stage: 'drs', breaks: false })
  })
  it('read numbers in names as numbers: esxi-2 comes before esxi-10', () => {
    const state = hosts({ h2: { reserved: 0, active: 10 }, h10: { reserved: 0, active: 10 } })
    state.hosts['h2']!['name'] = 'esxi-2'
    state.hosts['h10']!['name'] = 'esxi-10'
    const p = place(state, ['h10', 'h2'], need35)
    expect(p.chosen).toBe('h2')
    expect(p.explanation).toContain(
      'both hosts tie at 10 GiB active memory; DRS picks esxi-2, the first of them by name',
    )
    expect(pickHost(state, ['h10', 'h2'], need35).host).toBe('h2')
  })
})
