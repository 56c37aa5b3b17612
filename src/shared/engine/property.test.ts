import fc from 'fast-check'
import { describe, expect, it } from 'vitest'

import { plan } from './plan'
import { applyEffects, initialState, SETTLED_OK } from './state'
import { podSpec, smallLab, type NodeInput } from '../domain/small-lab'
import type { Fault } from './types'

const GIB = 1024
const CLASSES = ['best-effort-small', 'guaranteed-small', 'guaranteed-large', 'best-effort-xsmall']

const hostArb = fc.record({
  cpuCores: fc.integer({ min: 2, max: 16 }),
  memoryMiB: fc.integer({ min: 4, max: 64 }).map((g) => g * GIB),
  activeMemoryMiB: fc.integer({ min: 0, max: 4 }).map((g) => g * GIB),
})
const resArb = fc.record({
  cpu: fc.option(fc.integer({ min: 0, max: 6000 }), { nil: undefined }),
  memory: fc.option(fc.integer({ min: 0, max: 16 * GIB }), { nil: undefined }),
})
const workloadArb = fc.oneof(
  fc.record({ kind: fc.constant('pod' as const), req: resArb, lim: resArb }),
  fc.record({
    kind: fc.constant('deployment' as const),
    req: resArb,
    lim: resArb,
    replicas: fc.integer({ min: 0, max: 4 }),
  }),
  fc.record({ kind: fc.constant('vm' as const), cls: fc.constantFrom(...CLASSES), off: fc.boolean() }),
  fc.record({
    kind: fc.constant('tkc' as const),
    cls: fc.constantFrom(...CLASSES),
    cp: fc.constantFrom(1 as const, 3 as const),
    replicas: fc.integer({ min: 0, max: 4 }),
  }),
  fc.record({
    kind: fc.constant('pvc' as const),
    size: fc.integer({ min: 1, max: 200 }).map((g) => g * GIB),
  }),
)
const labArb = fc.record({
  hosts: fc.array(hostArb, { minLength: 3, maxLength: 5 }),
  pods: fc.option(fc.integer({ min: 0, max: 10 }), { nil: undefined }),
  cpuLimitMhz: fc.option(fc.integer({ min: 1000, max: 100000 }), { nil: undefined }),
  storageLimitMiB: fc.option(
    fc.integer({ min: 1, max: 400 }).map((g) => g * GIB),
    { nil: undefined },
  ),
  workloads: fc.array(workloadArb, { maxLength: 12 }),
  fault: fc.option(
    fc.record({
      kind: fc.constantFrom('host-failure' as const, 'host-maintenance' as const),
      host: fc.integer({ min: 1, max: 3 }),
      at: fc.integer({ min: 1, max: 120 }),
    }),
    { nil: undefined },
  ),
  seed: fc.integer({ min: 0, max: 1000 }),
})

function toNodes(workloads: readonly unknown[]): NodeInput[] {
  return (
    workloads as {
      kind: string
      req?: object
      lim?: object
      replicas?: number
      cls?: string
      off?: boolean
      cp?: 1 | 3
      size?: number
    }[]
  ).map((w, i) => {
    const id = `${w.kind}-${i}`
    switch (w.kind) {
      case 'pod':
        return { kind: 'pod', id, spec: podSpec(w.req, w.lim) }
      case 'deployment':
        return { kind: 'deployment', id, spec: { ...podSpec(w.req, w.lim), replicas: w.replicas } }
      case 'vm':
        return {
          kind: 'vm',
          id,
          spec: {
            className: w.cls,
            image: 'ubuntu',
            storageClass: 'gold',
            powerState: w.off ? 'PoweredOff' : 'PoweredOn',
          },
        }
      case 'tkc':
        return {
          kind: 'tkc',
          id,
          spec: {
            controlPlane: { replicas: w.cp, vmClass: w.cls, storageClass: 'gold' },
            nodePools: [{ name: 'np-1', replicas: w.replicas, vmClass: w.cls, storageClass: 'gold' }],
          },
        }
      default:
        return { kind: 'pvc', id, spec: { sizeMiB: w.size, storageClass: 'gold' } }
    }
  })
}

describe('random labs (fast-check)', () => {
  it('never over-commits a host and ends every object Running or with a reason', () => {
    fc.assert(
      fc.property(labArb, (o) => {
        const topology = smallLab({
          hosts: o.hosts,
          namespace: {
            cpuLimitMhz: o.cpuLimitMhz,
            storageLimitMiB: o.storageLimitMiB,
            objectCounts: { pods: o.pods },
          },
          nodes: toNodes(o.workloads),
        })
        const first = plan(topology, undefined, o.seed)
        const faults: Fault[] =
          o.fault && o.fault.at <= first.steps.length
            ? [{ kind: o.fault.kind, target: `host-${o.fault.host}`, atSeq: o.fault.at }]
            : []
        const run = plan(topology, undefined, o.seed, faults)
        const state = initialState(topology)
        for (const step of run.steps) {
          applyEffects(state, step.effects)
          for (const [id, h] of Object.entries(state.hosts)) {
            for (const k of ['reservedCpuMhz', 'reservedMemoryMiB', 'podCpuMillis', 'podMemoryMiB'])
              expect(Number(h[k]), `${id}.${k} at step ${step.seq}`).toBeGreaterThanOrEqual(0)
            expect(Number(h['reservedCpuMhz'])).toBeLessThanOrEqual(Number(h['capacityCpuMhz']))
            expect(Number(h['reservedMemoryMiB'])).toBeLessThanOrEqual(Number(h['capacityMemoryMiB']))
          }
          const ns = state.namespaces['ns-1']
          if (ns?.['quota:pods'] !== undefined)
            expect(Number(ns['pods'] ?? 0)).toBeLessThanOrEqual(Number(ns['quota:pods']))
          if (ns?.['quota:cpuMhz'] !== undefined)
            expect(Number(ns['cpuMhz'] ?? 0)).toBeLessThanOrEqual(Number(ns['quota:cpuMhz']))
          if (ns?.['quota:storageMiB'] !== undefined)
            expect(Number(ns['storageMiB'] ?? 0)).toBeLessThanOrEqual(Number(ns['quota:storageMiB']))
          // No address is held by two objects at once.
          const held = new Set<string>()
          for (const o of Object.values(state.objects))
            for (const f of ['ip', 'vip', 'snat', 'floatingIp', 'spareIp'])
              if (typeof o[f] === 'string') {
                expect(held.has(String(o[f])), `${String(o[f])} twice at step ${step.seq}`).toBe(false)
                held.add(String(o[f]))
              }
        }
        // Nothing runs without a host that is up, and nothing powered off holds a reservation.
        for (const [id, o] of Object.entries(state.objects)) {
          if (o['status'] === 'Running' && ['pod', 'vm', 'tkc-node'].includes(String(o['kind'])))
            expect(state.hosts[String(o['host'])]?.['state'], `${id} runs on`).toBe('connected')
          if (o['status'] === 'PoweredOff') expect(o['holdMemoryMiB'], `${id} is off`).toBeUndefined()
        }
        for (const p of run.summary.problems) {
          expect(SETTLED_OK).not.toContain(p.status)
          expect(p.reason, `${p.object} ended ${p.status}`).not.toBe('')
        }
        const tracked = Object.entries(state.objects).filter(([, o]) =>
          ['pod', 'deployment', 'vm', 'pvc', 'tkc-node'].includes(String(o['kind'])),
        )
        for (const [id, obj] of tracked) {
          const s = String(obj['status'])
          if (!SETTLED_OK.includes(s) && s !== 'PoweredOff')
            expect(String(obj['reason'] ?? ''), `${id} ended ${s}`).not.toBe('')
        }
      }),
      { numRuns: 60 },
    )
  })
})
