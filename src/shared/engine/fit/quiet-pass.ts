import { isWorkloadKind } from '../../domain/kinds'
import { resolveTopology, type ResolvedTopology } from '../../domain/resolve'
import { workloadRefusals } from '../../domain/rules/workloads'
import type { LabNode, Topology } from '../../domain/topology'
import { holdOn, largerThanHost, nsHold } from '../accounting'
import { allocate, holdAddress, ledger } from '../addresses'
import { crowded, joinRule, ruleById } from '../anti-affinity'
import { replicaJob } from '../flows/deployment'
import { podHold, podNeed, type PodJob } from '../flows/pod'
import { releasePodResources } from '../flows/pod-start'
import { SERVICE_REFUSED } from '../flows/supervisor-service'
import { clusterNodes } from '../flows/tkc'
import { vmJob } from '../flows/vm'
import {
  diskOver,
  effectiveStorageClass,
  releaseVmResources,
  VM_DISK_MIB,
  type VmJob,
} from '../flows/vm-lifecycle'
import { vmAsk, vmHold, zoneHold } from '../flows/vm-place'
import { moveHolds } from '../migrate'
import { pickHost } from '../placement'
import { plan, WORKLOAD_ORDER } from '../plan'
import { asDeltas, DEPLOYMENT_WANTS, podWants, pvcWants, SERVICE_WANTS, storageWants } from '../quota'
import { mendAsk } from '../retry'
import type { NsScope } from '../scope'
import { podSize, type PodSize } from '../sizing'
import { applyEffects, getField, initialState, STATUS } from '../state'
import type { EngineState } from '../types'
import { QuietRun, type FitRefusal, type Noun, type Unit } from './quiet-run'

export type { FitRefusal, Noun } from './quiet-run'

/**
 * Validate's "will it fit": the run's admission and placement without its steps. The Supervisors
 * and namespaces are planned for real (a run of the lab without its workloads), then each
 * workload goes through the flows' own checks in the run's order, through the same functions
 * (engine/quota.ts, placement.ts pickHost, the flows' needs and holds, the address allocators,
 * the zone pools and anti-affinity rules), updating a bare state instead of emitting steps. As
 * the planner does between two flows, what waits for capacity is retried when some frees, and
 * DRS separates VMs that share a host against a soft rule. With no faults the run decides
 * exactly the same, so what this finds is what the run would end failing on. Seams: a flow that
 * changes what it holds or checks changes it here (test/unit/validate-run-export.test.ts).
 */

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
const EXPLAINED = new Set(['supervisor-incompatible', 'supervisor-not-running', SERVICE_REFUSED])

/** schedulePod and finishPod without their steps (flows/pod.ts, pod-start.ts); `retry`: only a success counts. */
function quietSchedule(
  q: QuietRun,
  scope: NsScope,
  job: PodJob,
  size: PodSize,
  unit: Unit,
  retry: boolean,
): boolean {
  const pick = pickHost(q.state, scope.hostIds, podNeed(size))
  if (pick.host === null) {
    if (retry) return false
    q.unschedulable.set(job.id, () => quietSchedule(q, scope, job, size, unit, true))
    const need = podHold(size, scope.mhzPerCore)
    return q.refuse({
      ...unit,
      what: 'no-host',
      stage: pick.stage,
      cpuMhz: need.cpuMhz,
      memoryMiB: need.memoryMiB,
    })
  }
  const host = pick.host
  q.unschedulable.delete(job.id)
  q.apply(holdOn(q, job.id, host, podHold(size, q.num('hosts', host, 'mhzPerCore'))))
  if (largerThanHost(q, host, size.vcpus, size.memoryMiB)) {
    q.apply(releasePodResources(q, job.id))
    return q.refuse({ ...unit, what: 'host-size', host, vcpus: size.vcpus, memoryMiB: size.memoryMiB })
  }
  const l = ledger(q)
  const ip = allocate(l, scope.podPool)
  if (!ip) {
    q.apply(releasePodResources(q, job.id))
    return q.refuse({ ...unit, what: 'ip', pool: scope.podPool })
  }
  q.apply([...l.changes, ...holdAddress(job.id, 'ip', scope.podPool, ip)])
  return q.done(job.id)
}

/** runPod without its steps (flows/pod.ts). */
function quietPod(q: QuietRun, scope: NsScope, job: PodJob, objectId: string): boolean {
  const unit = { nsId: job.nsId, objectId, unit: job.id, noun: 'pod' as const }
  q.tried(job.nsId, 'pod')
  const size = podSize(job.spec.containers, scope.spec.containerDefaults)
  if (!q.counted(unit, podWants(size, scope.mhzPerCore))) return false
  return quietSchedule(q, scope, job, size, unit, false)
}

/** deployVm without its steps (flows/vm-place.ts); `retry`: only a success counts. */
function quietDeploy(q: QuietRun, scope: NsScope, job: VmJob, unit: Unit, retry: boolean): boolean {
  const ask = vmAsk(q, job, scope)
  const noHost = { ...unit, what: 'no-host' as const, stage: 'drs' as const }
  const asked = { cpuMhz: ask.want.cpuMhz, memoryMiB: ask.need.reserveMemoryMiB + ask.need.overheadMemoryMiB }
  if (ask.blocked) {
    if (retry) return false
    q.apply(releaseVmResources(q, job.id))
    const over = ask.full.first
    return q.refuse(over ? { ...unit, what: 'reservation', over } : { ...noHost, ...asked })
  }
  const pick = pickHost(q.state, ask.hosts, ask.need)
  // A VM left Pending keeps its address and disk, as the flow does.
  if (pick.host === null) {
    if (retry) return false
    q.unschedulable.set(job.id, () => quietDeploy(q, scope, job, unit, true))
    return q.refuse({ ...noHost, ...asked })
  }
  const host = pick.host
  if (job.rule && pick.breaks) q.broken.add(job.rule.id)
  q.unschedulable.delete(job.id)
  const zone = scope.zoneOf.get(host) ?? ''
  q.apply([
    ...(job.rule ? [joinRule(q, job.id, job.rule)] : []),
    ...holdOn(q, job.id, host, vmHold(ask.cls, q.num('hosts', host, 'mhzPerCore'), job.powerOn)),
    ...(job.powerOn ? nsHold(q, job.id, scope.ns.id, zoneHold(zone, ask.want)) : []),
  ])
  if (job.powerOn && largerThanHost(q, host, ask.cls.vcpus, ask.cls.memoryMiB)) {
    q.apply(releaseVmResources(q, job.id))
    return q.refuse({ ...unit, what: 'host-size', host, vcpus: ask.cls.vcpus, memoryMiB: ask.cls.memoryMiB })
  }
  return q.done(job.id)
}

/** realiseVm without its steps (flows/vm-lifecycle.ts): storage prerequisite, network, placement. */
function quietVm(q: QuietRun, scope: NsScope, job: VmJob, objectId: string, noun: Noun): boolean {
  const unit = { nsId: job.nsId, objectId, unit: job.id, noun }
  const over = diskOver(q, scope, job.storageClass)
  if (over) return q.refuse({ ...unit, what: 'quota', over })
  const l = ledger(q)
  const ip = allocate(l, scope.podPool)
  if (!ip) return q.refuse({ ...unit, what: 'ip', pool: scope.podPool })
  const sc = effectiveStorageClass(scope, job.storageClass)
  q.apply([
    ...l.changes,
    ...holdAddress(job.id, 'ip', scope.podPool, ip),
    ...nsHold(q, job.id, job.nsId, asDeltas(storageWants(sc, VM_DISK_MIB))),
  ])
  return quietDeploy(q, scope, job, unit, false)
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
    const l = ledger(q)
    const vip = allocate(l, scope.ingressPool)
    if (vip) q.apply([...l.changes, ...holdAddress(node.id, 'vip', scope.ingressPool, vip)])
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
    quietVm(q, scope, vmJob(q.r, node as Of<'vm'>, scope), node.id, 'VM')
  },
  tkc: (q, scope, node) => quietCluster(q, scope, node as Of<'tkc'>),
}

/** runTkc without its steps (flows/tkc.ts). */
function quietCluster(q: QuietRun, scope: NsScope, tkc: Of<'tkc'>): void {
  const nsId = scope.ns.id
  q.tried(nsId, 'cluster')
  const nodes = clusterNodes(q.r, tkc, scope)
  const self = { nsId, objectId: tkc.id, unit: tkc.id, noun: 'cluster' as const }
  for (const n of nodes) {
    const over = diskOver(q, scope, n.storageClass)
    if (over) return void q.refuse({ ...self, what: 'quota', over })
  }
  const l = ledger(q)
  const vip = allocate(l, scope.ingressPool)
  if (!vip) return void q.refuse({ ...self, what: 'ip', pool: scope.ingressPool })
  q.apply([...l.changes, ...holdAddress(tkc.id, 'vip', scope.ingressPool, vip)])
  for (const n of nodes) {
    q.tried(nsId, 'cluster node')
    quietVm(q, scope, n, tkc.id, 'cluster node')
  }
}

/**
 * What the planner does between two flows when capacity came free (engine/retry.ts): units
 * waiting for it are tried again in the order they began to wait, then DRS separates VMs that
 * share a host against a soft rule; each pass may free capacity again.
 */
function afterFlow(q: QuietRun): void {
  while (q.freed) {
    q.freed = false
    if (q.unschedulable.size === 0 && q.broken.size === 0) return
    for (const retry of [...q.unschedulable.values()]) retry()
    for (const ruleId of [...q.broken]) mendQuietly(q, ruleId)
  }
}

/** mend without its steps (engine/retry.ts). */
function mendQuietly(q: QuietRun, ruleId: string): void {
  const rule = ruleById(q, ruleId)
  for (const id of rule ? crowded(q, ruleId) : []) {
    const ask = mendAsk(q, rule!, id)
    const to = pickHost(q.state, ask.hosts, ask.need).host
    if (to !== null && to !== ask.host) q.apply(moveHolds(q, id, to))
  }
  if (crowded(q, ruleId).length === 0) q.broken.delete(ruleId)
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
        if (workloadRefusals(r, node).length === 0) {
          QUIET[node.kind]?.(q, scope, node)
          afterFlow(q)
        }
  }
  return { refusals: q.refusals, attempts: q.attempts, infraFailures, state }
}
