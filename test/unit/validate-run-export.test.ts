import fc from 'fast-check'
import { describe, expect, it } from 'vitest'

import { exportLab } from '../../src/node/manifests/manifest-handlers'
import { hasErrors, validateTopology } from '../../src/shared/domain/validation/validate'
import { podSpec, smallLab, type NodeInput, type SmallLabOptions } from '../../src/shared/domain/small-lab'
import type { Topology } from '../../src/shared/domain/topology'
import { fitProblems } from '../../src/shared/engine/fit/fit-problems'
import { fitPass } from '../../src/shared/engine/fit/quiet-pass'
import { isWorkloadKind } from '../../src/shared/domain/kinds'
import { plan } from '../../src/shared/engine/plan'
import { applyEffects, initialState } from '../../src/shared/engine/state'
import { validateLab } from '../../src/shared/engine/validate-lab'
import { threeZoneLab } from '../fixtures/engine-labs'

/**
 * validate, run and export agree (issue 11): a generated lab that validate finds no error in,
 * run with no fault, ends with every object as the lab asks (Running, Bound, PoweredOff) and
 * exports without refusal; and a "will it fit" problem is always a failure of the run.
 */

const GIB = 1024
const CLASSES = [
  'best-effort-small',
  'guaranteed-small',
  'guaranteed-large',
  'best-effort-xsmall',
  'custom-1',
]
const VERSIONS = ['7.0U1', '7.0U3', '8.0', '8.0U2', '8.0U3', '8.0U3', '8.0U3', '9.0']
/** True about one time in `n`, so generated labs are mostly valid and still reach every rule. */
const oneIn = (n: number) => fc.integer({ min: 1, max: n }).map((x) => x === 1)

const res = fc.record({
  cpu: fc.option(fc.integer({ min: 0, max: 6000 }), { nil: undefined }),
  memory: fc.option(fc.integer({ min: 0, max: 16 * GIB }), { nil: undefined }),
})
const workload = fc.oneof(
  fc.record({ kind: fc.constant('pod' as const), req: res, lim: res, claim: oneIn(4) }),
  fc.record({
    kind: fc.constant('deployment' as const),
    req: res,
    lim: res,
    replicas: fc.integer({ min: 0, max: 5 }),
  }),
  fc.record({
    kind: fc.constant('vm' as const),
    cls: fc.constantFrom(...CLASSES),
    sc: fc.constantFrom('', 'gold', 'silver'),
    power: fc.constantFrom('PoweredOn', 'PoweredOff'),
  }),
  fc.record({
    kind: fc.constant('pvc' as const),
    size: fc.integer({ min: 1, max: 200 }).map((g) => g * GIB),
    sc: fc.constantFrom('', 'gold'),
    mode: fc.constantFrom('ReadWriteOnce', 'ReadWriteOnce', 'ReadWriteOnce', 'ReadWriteMany'),
  }),
  fc.record({ kind: fc.constant('service' as const), lb: fc.boolean() }),
  fc.record({
    kind: fc.constant('tkc' as const),
    api: fc.constantFrom('tkc', 'capi'),
    cp: fc.constantFrom(1, 3),
    workers: fc.integer({ min: 0, max: 3 }),
    cls: fc.constantFrom(...CLASSES),
  }),
)
const labArb = fc.record({
  version: fc.constantFrom(...VERSIONS),
  hosts: fc.array(
    fc.record({
      cpuCores: fc.integer({ min: 2, max: 24 }),
      memoryMiB: fc.integer({ min: 4, max: 96 }).map((g) => g * GIB),
      activeMemoryMiB: fc.integer({ min: 0, max: 4 }).map((g) => g * GIB),
    }),
    { minLength: 3, maxLength: 5 },
  ),
  vds: oneIn(5),
  zones: oneIn(4),
  fileServices: fc.boolean(),
  twoPolicies: oneIn(4),
  ns: fc.record({
    pods: fc.option(fc.integer({ min: 0, max: 12 }), { nil: undefined }),
    services: fc.option(fc.integer({ min: 0, max: 3 }), { nil: undefined }),
    cpuLimitMhz: fc.option(fc.integer({ min: 1000, max: 150000 }), { nil: undefined }),
    memoryLimitMiB: fc.option(
      fc.integer({ min: 2, max: 200 }).map((g) => g * GIB),
      { nil: undefined },
    ),
    storageLimitMiB: fc.option(
      fc.integer({ min: 1, max: 400 }).map((g) => g * GIB),
      { nil: undefined },
    ),
    classes: fc.subarray(CLASSES, { minLength: 3 }),
  }),
  network: fc.record({ namespaceCidr: fc.constantFrom('10.244.0.0/20', '10.244.0.0/27') }),
  workloads: fc.array(workload, { maxLength: 10 }),
  seed: fc.integer({ min: 0, max: 1000 }),
})
type LabInput = typeof labArb extends fc.Arbitrary<infer T> ? T : never

function labOf(o: LabInput): Topology {
  const nodes: NodeInput[] = [
    {
      kind: 'vm-class',
      id: 'cls-1',
      name: 'custom-1',
      spec: { cpus: 4, memoryMiB: 8 * GIB, cpuReservationPercent: 50 },
    },
    ...(o.twoPolicies
      ? [{ kind: 'storage-policy' as const, id: 'sp-2', name: 'silver', parentId: 'vc-1' }]
      : []),
    { kind: 'pvc', id: 'claim', spec: { storageClass: 'gold', sizeMiB: GIB } },
  ]
  o.workloads.forEach((w, i) => {
    const id = `${w.kind}-${i}`
    if (w.kind === 'pod')
      nodes.push({
        kind: 'pod',
        id,
        spec: { ...podSpec(w.req, w.lim), volumes: w.claim ? [{ name: 'data', claimName: 'claim' }] : [] },
      })
    else if (w.kind === 'deployment')
      nodes.push({ kind: 'deployment', id, spec: { ...podSpec(w.req, w.lim), replicas: w.replicas } })
    else if (w.kind === 'vm')
      nodes.push({
        kind: 'vm',
        id,
        spec: { className: w.cls, image: 'ubuntu', storageClass: w.sc, powerState: w.power },
      })
    else if (w.kind === 'pvc')
      nodes.push({ kind: 'pvc', id, spec: { sizeMiB: w.size, storageClass: w.sc, accessMode: w.mode } })
    else if (w.kind === 'service')
      nodes.push({ kind: 'service', id, spec: { type: w.lb ? 'LoadBalancer' : 'ClusterIP' } })
    else
      nodes.push({
        kind: 'tkc',
        id,
        spec: {
          api: w.api,
          controlPlane: { replicas: w.cp, vmClass: w.cls },
          nodePools: [{ name: 'np-1', replicas: w.workers, vmClass: w.cls }],
        },
      })
  })
  // Three zones: two more clusters like the first host, zonal policies (engine/zones.ts).
  const build = o.zones
    ? (x: SmallLabOptions) => threeZoneLab({ ...x, zoneHosts: o.hosts[0] ?? {} })
    : smallLab
  return build({
    vcenter: { version: o.version },
    hosts: o.hosts,
    cluster: { vsan: o.fileServices, vsanFileServices: o.fileServices },
    network: { ...o.network, ...(o.vds ? { type: 'vds', loadBalancer: 'haproxy' } : {}) },
    namespace: {
      storage: [{ policy: 'gold' }, ...(o.twoPolicies ? [{ policy: 'silver' }] : [])],
      vmClasses: o.ns.classes,
      cpuLimitMhz: o.ns.cpuLimitMhz,
      memoryLimitMiB: o.ns.memoryLimitMiB,
      storageLimitMiB: o.ns.storageLimitMiB,
      objectCounts: { pods: o.ns.pods, services: o.ns.services },
    },
    nodes,
  })
}

/** What the lab asks each object to end as. */
const asked = (t: Topology, id: string) => {
  const node = t.nodes.find((n) => n.id === id)
  if (node?.kind === 'pvc') return 'Bound'
  if (node?.kind === 'vm' && node.spec['powerState'] !== 'PoweredOn') return 'PoweredOff'
  return 'Running'
}

describe('validate, run and export agree (fast-check)', () => {
  it('runs and exports every lab validate accepts, each object as the lab asks', () => {
    let accepted = 0
    fc.assert(
      fc.property(labArb, (o) => {
        const topology = labOf(o)
        const problems = validateLab(topology)
        if (hasErrors(problems)) return
        accepted++
        const run = plan(topology, undefined, o.seed)
        expect(run.summary.problems, JSON.stringify(run.summary.problems)).toEqual([])
        const state = initialState(topology)
        for (const step of run.steps) applyEffects(state, step.effects)
        for (const node of topology.nodes)
          if (isWorkloadKind(node.kind))
            expect(state.objects[node.id]?.['status'], node.id).toBe(asked(topology, node.id))
        const exported = exportLab({ name: 'generated', topology })
        expect(exported.problems.filter((p) => p.severity === 'error')).toEqual([])
        expect(exported.files.length).toBeGreaterThan(0)
      }),
      // About one generated lab in seven is accepted: 150 labs gave 20 or fewer one run in three
      // (13 to 30 over 60 seeds), 300 keep the count well above the floor.
      { numRuns: 300 },
    )
    // The generator must reach the interesting case often enough to mean something.
    expect(accepted).toBeGreaterThan(20)
  })
  it('reports "will it fit" problems only where the run fails', () => {
    fc.assert(
      fc.property(labArb, (o) => {
        const topology = labOf(o)
        if (fitProblems(topology).length === 0) return
        expect(plan(topology, undefined, o.seed).summary.problems.length).toBeGreaterThan(0)
      }),
      { numRuns: 100 },
    )
  })
  it('refuses, unit by unit, what the run ends failing (pods, VMs, cluster nodes, claims, Services)', () => {
    fc.assert(
      fc.property(labArb, (o) => {
        const topology = labOf(o)
        if (hasErrors(validateTopology(topology))) return
        const failed = new Set(
          plan(topology, undefined, o.seed)
            .summary.problems.filter((p) => p.status !== 'Degraded')
            .map((p) => p.object),
        )
        const refused = new Set(fitPass(topology).refusals.map((r) => r.unit))
        // A cluster fails with its nodes; the nodes are what the quiet pass refuses.
        const leaves = [...failed].filter((id) => topology.nodes.find((n) => n.id === id)?.kind !== 'tkc')
        for (const unit of refused)
          expect(failed.has(unit), `${unit} refused, yet the run runs it`).toBe(true)
        for (const unit of leaves)
          expect(refused.has(unit), `${unit} fails, yet validate found it fits`).toBe(true)
      }),
      { numRuns: 150 },
    )
  })
})
