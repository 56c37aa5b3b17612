import { isWorkloadKind } from '../../domain/kinds'
import { resolveTopology, type ResolvedTopology } from '../../domain/resolve'
import { workloadRefusals } from '../../domain/rules/workloads'
import type { LabNode, Topology } from '../../domain/topology'
import { holdOn, largerThanHost, nsHold, release, takeIp, type Ledger } from '../accounting'
import { replicaJob } from '../flows/deployment'
import { podHold, type PodJob } from '../flows/pod'
import { clusterNodes } from '../flows/tkc'
import {
  effectiveStorageClass,
  releaseVmResources,
  vmClassOf,
  vmHold,
  vmNeed,
  type VmJob,
} from '../flows/vm-lifecycle'
import { pickHost } from '../placement'
import { plan, WORKLOAD_ORDER } from '../plan'
import type { Change } from '../planner'
import {
  asDeltas,
  DEPLOYMENT_WANTS,
  podWants,
  pvcWants,
  quotaExceeded,
  reservationExceeded,
  SERVICE_WANTS,
  storageWants,
  VM_DISK_MIB,
  type QuotaExceeded,
  type QuotaWant,
} from '../quota'
import { makeScopes, type NsScope } from '../scope'
import { millisToMhz, POD_PADDING_MIB, podSize } from '../sizing'
import { applyEffects, getField, initialState, setField, STATUS } from '../state'
import type { EngineState } from '../types'

/**
 * Validate's "will it fit": the run's admission and placement without its steps. The Supervisors
 * and namespaces are planned for real (a run of the lab without its workloads), then each
 * workload goes through the flows' own checks in the run's order, through the same functions
 * (engine/quota.ts, placement.ts pickHost, the flows' holds), updating a bare state instead of
 * emitting steps. With no faults the run decides exactly the same, so what this finds is what
 * the run would fail on. Seams: a flow that changes what it holds or checks changes it here.
 */

/** What a workload is, in the sentences of fit problems. */
export type Noun = 'pod' | 'VM' | 'cluster node' | 'PVC' | 'Service' | 'Deployment' | 'cluster'

export type FitRefusal = {
  nsId: string
  /** The lab node the refused unit belongs to (a Deployment for its replicas, a cluster for its nodes). */
  objectId: string
  /** The refused unit: a pod replica, a cluster node, or the object itself. */
  unit: string
  noun: Noun
} & (
  | { what: 'quota' | 'reservation'; over: QuotaExceeded }
  | { what: 'no-host'; stage: 'kube' | 'drs'; cpuMhz: number; memoryMiB: number }
  | { what: 'host-size'; host: string; vcpus: number; memoryMiB: number }
  | { what: 'ip'; pool: string }
)

/** An object the real run of Supervisors and namespaces failed, for a reason no rule gives. */
export interface InfraFailure {
  objectId: string
  code: string
  reason: string
}

export interface FitResult {
  refusals: FitRefusal[]
  /** How many units of each noun each namespace tried: `${nsId} ${noun}`. */
  attempts: Map<string, number>
  infraFailures: InfraFailure[]
  /** The state after the pass: what is reserved and used where. */
  state: EngineState
}

/** Failure codes of the infrastructure run that a validate rule already explains. */
const EXPLAINED = new Set(['supervisor-incompatible', 'supervisor-not-running'])

class QuietRun implements Ledger {
  readonly refusals: FitRefusal[] = []
  readonly attempts = new Map<string, number>()
  readonly scope: (nsId: string) => NsScope | null

  constructor(
    readonly r: ResolvedTopology,
    readonly state: EngineState,
  ) {
    this.scope = makeScopes(r)
  }

  get(on: keyof EngineState, id: string, key: string) {
    return getField(this.state, on, id, key)
  }

  num(on: keyof EngineState, id: string, key: string) {
    return Number(getField(this.state, on, id, key) ?? 0)
  }

  apply(changes: readonly (Change | null)[]) {
    for (const c of changes) if (c) setField(this.state, c[0], c[1], c[2], c[3])
  }

  tried(nsId: string, noun: Noun) {
    const key = `${nsId} ${noun}`
    this.attempts.set(key, (this.attempts.get(key) ?? 0) + 1)
  }

  refuse(r: FitRefusal): false {
    this.refusals.push(r)
    return false
  }

  /** A quota check and, when it passes, the hold; false when refused. */
  counted(unit: { nsId: string; objectId: string; unit: string; noun: Noun }, wants: readonly QuotaWant[]) {
    const over = quotaExceeded(this.state, unit.nsId, wants)
    if (over) return this.refuse({ ...unit, what: 'quota', over })
    this.apply(nsHold(this, unit.unit, unit.nsId, asDeltas(wants)))
    return true
  }
}

/** runPod without its steps (flows/pod.ts). */
function quietPod(q: QuietRun, scope: NsScope, job: PodJob, objectId: string): boolean {
  const unit = { nsId: job.nsId, objectId, unit: job.id, noun: 'pod' as const }
  q.tried(job.nsId, 'pod')
  const size = podSize(job.spec.containers, scope.spec.containerDefaults)
  if (!q.counted(unit, podWants(size, scope.mhzPerCore))) return false
  const need = {
    kube: { cpuMillis: size.requestCpuMillis, memoryMiB: size.requestMemoryMiB },
    reserveCpuMillis: size.requestCpuMillis,
    reserveMemoryMiB: size.requestMemoryMiB,
    overheadMemoryMiB: POD_PADDING_MIB,
  }
  const pick = pickHost(q.state, scope.hostIds, need)
  if (pick.host === null)
    return q.refuse({
      ...unit,
      what: 'no-host',
      stage: pick.stage,
      cpuMhz: millisToMhz(size.requestCpuMillis, scope.mhzPerCore),
      memoryMiB: size.requestMemoryMiB + POD_PADDING_MIB,
    })
  const host = pick.host
  q.apply(holdOn(q, job.id, host, podHold(size, q.num('hosts', host, 'mhzPerCore'))))
  if (largerThanHost(q, host, size.vcpus, size.memoryMiB)) {
    q.apply(release(q, job.id))
    return q.refuse({ ...unit, what: 'host-size', host, vcpus: size.vcpus, memoryMiB: size.memoryMiB })
  }
  const ip = takeIp(q, scope.podPool)
  if (!ip) {
    q.apply(release(q, job.id))
    return q.refuse({ ...unit, what: 'ip', pool: scope.podPool })
  }
  q.apply([ip])
  return true
}

/** realiseVm without its steps (flows/vm-lifecycle.ts), after the storage prerequisite. */
function quietVm(
  q: QuietRun,
  scope: NsScope,
  job: Pick<VmJob, 'id' | 'nsId' | 'className' | 'storageClass'>,
  objectId: string,
  noun: Noun,
): boolean {
  const unit = { nsId: job.nsId, objectId, unit: job.id, noun }
  const cls = vmClassOf(q.r, scope, job.className)
  const ip = takeIp(q, scope.podPool)
  if (!ip) return q.refuse({ ...unit, what: 'ip', pool: scope.podPool })
  const sc = effectiveStorageClass(scope, job.storageClass)
  q.apply([ip, ['objects', job.id, 'ipPool', scope.podPool]])
  q.apply(nsHold(q, job.id, job.nsId, asDeltas(storageWants(sc, VM_DISK_MIB))))
  const resCpuNs = millisToMhz(cls.reservedCpuMillis, scope.mhzPerCore)
  const over = reservationExceeded(q.state, job.nsId, resCpuNs, cls.reservedMemoryMiB)
  if (over) {
    q.apply(releaseVmResources(q, job.id))
    return q.refuse({ ...unit, what: 'reservation', over })
  }
  const pick = pickHost(q.state, scope.hostIds, vmNeed(cls))
  // A VM left Pending keeps its address, as the flow does.
  if (pick.host === null)
    return q.refuse({
      ...unit,
      what: 'no-host',
      stage: 'drs',
      cpuMhz: resCpuNs,
      memoryMiB: vmNeed(cls).reserveMemoryMiB + vmNeed(cls).overheadMemoryMiB,
    })
  const host = pick.host
  q.apply([
    ...holdOn(q, job.id, host, vmHold(cls, q.num('hosts', host, 'mhzPerCore'))),
    ...nsHold(q, job.id, job.nsId, { reservedCpuMhz: resCpuNs, reservedMemoryMiB: cls.reservedMemoryMiB }),
  ])
  if (largerThanHost(q, host, cls.vcpus, cls.memoryMiB)) {
    q.apply(releaseVmResources(q, job.id))
    return q.refuse({ ...unit, what: 'host-size', host, vcpus: cls.vcpus, memoryMiB: cls.memoryMiB })
  }
  return true
}

type Of<K extends LabNode['kind']> = LabNode & { kind: K }

type Quiet = (q: QuietRun, scope: NsScope, node: LabNode) => void
const self = (scope: NsScope, node: LabNode) => ({ nsId: scope.ns.id, objectId: node.id, unit: node.id })

/** The flows' admission and placement for each workload kind, without their steps. */
const QUIET: Partial<Record<LabNode['kind'], Quiet>> = {
  pvc(q, scope, node) {
    q.tried(scope.ns.id, 'PVC')
    const spec = q.r.spec(node as Of<'pvc'>)
    q.counted(
      { ...self(scope, node), noun: 'PVC' },
      pvcWants(effectiveStorageClass(scope, spec.storageClass), spec.sizeMiB),
    )
  },
  service(q, scope, node) {
    q.tried(scope.ns.id, 'Service')
    if (!q.counted({ ...self(scope, node), noun: 'Service' }, SERVICE_WANTS)) return
    if (q.r.spec(node as Of<'service'>).type !== 'LoadBalancer') return
    const vip = takeIp(q, scope.ingressPool)
    if (vip) q.apply([vip])
    else q.refuse({ ...self(scope, node), noun: 'Service', what: 'ip', pool: scope.ingressPool })
  },
  pod(q, scope, node) {
    const spec = q.r.spec(node as Of<'pod'>)
    quietPod(q, scope, { id: node.id, name: node.name, nsId: scope.ns.id, spec, sequence: 'pod' }, node.id)
  },
  deployment(q, scope, node) {
    q.tried(scope.ns.id, 'Deployment')
    if (!q.counted({ ...self(scope, node), noun: 'Deployment' }, DEPLOYMENT_WANTS)) return
    const dep = node as Of<'deployment'>
    const spec = q.r.spec(dep)
    for (let i = 0; i < spec.replicas; i++) quietPod(q, scope, replicaJob(dep, spec, i), node.id)
  },
  vm(q, scope, node) {
    q.tried(scope.ns.id, 'VM')
    const spec = q.r.spec(node as Of<'vm'>)
    const over = quotaExceeded(
      q.state,
      scope.ns.id,
      storageWants(effectiveStorageClass(scope, spec.storageClass), VM_DISK_MIB),
    )
    if (over) return void q.refuse({ ...self(scope, node), noun: 'VM', what: 'quota', over })
    const job = { id: node.id, nsId: scope.ns.id, className: spec.className, storageClass: spec.storageClass }
    quietVm(q, scope, job, node.id, 'VM')
  },
  tkc: (q, scope, node) => quietCluster(q, scope, node as Of<'tkc'>),
}

/** runTkc without its steps (flows/tkc.ts). */
function quietCluster(q: QuietRun, scope: NsScope, tkc: Of<'tkc'>): void {
  const nsId = scope.ns.id
  q.tried(nsId, 'cluster')
  const nodes = clusterNodes(q.r, tkc, q.r.spec(tkc), scope)
  const self = { nsId, objectId: tkc.id, unit: tkc.id, noun: 'cluster' as const }
  for (const n of nodes) {
    const over = quotaExceeded(
      q.state,
      nsId,
      storageWants(effectiveStorageClass(scope, n.storageClass), VM_DISK_MIB),
    )
    if (over) return void q.refuse({ ...self, what: 'quota', over })
  }
  const vip = takeIp(q, scope.ingressPool)
  if (!vip) return void q.refuse({ ...self, what: 'ip', pool: scope.ingressPool })
  q.apply([vip])
  for (const n of nodes) {
    q.tried(nsId, 'cluster node')
    quietVm(q, scope, n, tkc.id, 'cluster node')
  }
}

/** Runs the quiet pass over a lab (fresh, no faults). */
export function fitPass(topology: Topology, resolved?: ResolvedTopology): FitResult {
  const r = resolved ?? resolveTopology(topology)
  const infra: Topology = { ...topology, nodes: topology.nodes.filter((n) => !isWorkloadKind(n.kind)) }
  const run = plan(infra, undefined, 0)
  const state = initialState(infra)
  for (const step of run.steps) applyEffects(state, step.effects)
  const infraFailures = run.steps
    .filter((s) => s.failure && !EXPLAINED.has(s.failure.code))
    .map((s) => ({ objectId: s.object, code: s.failure!.code, reason: s.failure!.reason }))
  const q = new QuietRun(r, state)
  for (const ns of r.ofKind('namespace')) {
    const scope = q.scope(ns.id)
    if (!scope || getField(state, 'objects', ns.id, 'status') !== STATUS.running) continue
    const children = r.index.children.get(ns.id) ?? []
    for (const kind of WORKLOAD_ORDER)
      for (const node of children.filter((c) => c.kind === kind).sort((a, b) => (a.id < b.id ? -1 : 1)))
        if (workloadRefusals(r, node).length === 0) QUIET[node.kind]?.(q, scope, node)
  }
  return { refusals: q.refusals, attempts: q.attempts, infraFailures, state }
}
