import type { PodSpecT } from '../../domain/specs'
import type { LabNode } from '../../domain/topology'
import { formatMemory } from '../../domain/units'
import { holdOn, nsHold, status, type Hold } from '../accounting'
import { LANES } from '../lanes'
import { place, type PlacementNeed } from '../placement'
import type { Change, Draft, Planner } from '../planner'
import { asDeltas, exceededText, podWants, quotaExceeded } from '../quota'
import { millisToMhz, POD_PADDING_MIB, podSize, type PodSize } from '../sizing'
import { STATUS } from '../state'
import { finishPod } from './pod-start'

/** One vSphere Pod to provision: a Pod node, or a replica of a Deployment. */
export interface PodJob {
  id: string
  name: string
  nsId: string
  spec: Pick<PodSpecT, 'containers' | 'hostNetwork' | 'volumes'>
  sequence: 'pod' | 'deployment'
  /** The Deployment a replica belongs to. */
  owner?: string
}

/** A vSphere Pod's life: DOMAIN.md 4c, carrying the seed deck's seven steps. */
export function runPod(p: Planner, job: PodJob): void {
  const { id } = job
  const scope = p.scope(job.nsId)
  const base = { sequence: job.sequence, object: id }
  const fail = (d: Omit<Draft, 'sequence' | 'object'>, code: string, reason: string, extra: Change[] = []) =>
    p.emit({
      ...base,
      ...d,
      set: [...(d.set ?? []), ...extra, ...status(id, STATUS.failed, reason)],
      failure: { code, reason },
    })
  const identity: Change[] = [
    ['objects', id, 'kind', 'pod'],
    ['objects', id, 'name', job.name],
    ...(job.owner ? ([['objects', id, 'owner', job.owner]] as Change[]) : []),
  ]
  const fromUser = job.owner === undefined
  p.emit({
    ...base,
    actor: fromUser ? LANES.user : LANES.apiserver,
    target: fromUser ? LANES.lb : LANES.apiserver,
    action: 'pod-submit',
    seedStep: 1,
    text: fromUser
      ? `kubectl apply sends the spec of Pod ${job.name} to the Supervisor's API VIP; the load balancer forwards it to a kube-apiserver.`
      : `The ReplicaSet controller creates Pod ${job.name} through kube-apiserver (the Deployment's spec came in through the API VIP load balancer).`,
    set: [...identity, ...status(id, 'Submitted')],
  })
  if (p.interrupted.has(id)) return

  // Admission: namespace and quota (DOMAIN.md 4c step 2); the Supervisor type and unsupported
  // fields were refused before the flow (engine/admission.ts).
  const adm = { actor: LANES.lb, target: LANES.apiserver, action: 'pod-admit', seedStep: 1 }
  if (!scope || p.status(job.nsId) !== STATUS.running) {
    fail(
      { ...adm, text: `kube-apiserver rejects Pod ${job.name}: its namespace is not running.` },
      'namespace-not-running',
      'namespace is not running',
    )
    return
  }
  const size = podSize(job.spec.containers, scope.spec.containerDefaults)
  const wants = podWants(size, scope.mhzPerCore)
  const over = quotaExceeded(p.state, job.nsId, wants)
  if (over) {
    const why = exceededText(over)
    fail({ ...adm, text: `kube-apiserver admission rejects Pod ${job.name}: ${why}.` }, 'quota-exceeded', why)
    return
  }
  p.emit({
    ...base,
    ...adm,
    text: `kube-apiserver admits Pod ${job.name} (LimitRange defaults applied, quota checked${job.spec.hostNetwork ? '; hostNetwork is ignored on vSphere Pods' : ''}) and stores it in etcd: Pending, no node yet. CRX size: ${size.vcpus} vCPU / ${formatMemory(size.memoryMiB)} (largest of request or limit per container, summed, plus ${POD_PADDING_MIB} MiB padding, assumed).`,
    set: [...status(id, STATUS.pending), ...nsHold(p, id, job.nsId, asDeltas(wants))],
  })
  if (p.interrupted.has(id)) return

  schedulePod(p, job, size)
}

/** What kube-scheduler and DRS must find for a pod: its requests, reserved, plus padding. */
export const podNeed = (size: PodSize): PlacementNeed => ({
  kube: { cpuMillis: size.requestCpuMillis, memoryMiB: size.requestMemoryMiB },
  reserveCpuMillis: size.requestCpuMillis,
  reserveMemoryMiB: size.requestMemoryMiB,
  overheadMemoryMiB: POD_PADDING_MIB,
})

/** What a placed pod holds on a host of that core speed: its requests, reserved and active (assumed). */
export function podHold(size: PodSize, mhzPerCore: number): Hold {
  const cpu = millisToMhz(size.requestCpuMillis, mhzPerCore)
  const memory = size.requestMemoryMiB + POD_PADDING_MIB
  return {
    cpuMhz: cpu,
    memoryMiB: memory,
    podCpuMillis: size.requestCpuMillis,
    podMemoryMiB: size.requestMemoryMiB,
    activeCpuMhz: cpu,
    activeMemoryMiB: memory,
  }
}

/** A retry of an object waiting for capacity: `why` says what prompted it, for its step. */
export interface Retry {
  why: string
}

/**
 * Two-level scheduling (DOMAIN.md 5): kube-scheduler filters and scores, DRS picks, then seed
 * steps 3 to 7. A pod no host can take stays Pending in kube-scheduler's unschedulable queue;
 * it is tried again when capacity frees (`retry`), and then only a success makes steps.
 */
export function schedulePod(p: Planner, job: PodJob, size: PodSize, retry?: Retry): boolean {
  const { id } = job
  const scope = p.scope(job.nsId)!
  const base = { sequence: job.sequence, object: id }
  const decide = () => place(p.state, scope.hostIds, podNeed(size))
  const faults = p.injected.length
  let placement = decide()
  const kubeKept = placement.rows.filter((r) => r.score !== null).length
  if (placement.chosen === null && retry) return false
  const waits = 'kube-scheduler keeps it in its unschedulable queue and tries again when capacity frees'
  if (kubeKept === 0) {
    const why = `0/${placement.rows.length} nodes are available: ${placement.rows.map((r) => `${r.hostName}: ${r.filters.find((f) => !f.pass)?.reason ?? 'filtered'}`).join('; ')}`
    p.emit({
      ...base,
      actor: LANES.scheduler,
      target: LANES.extension,
      action: 'pod-filter-score',
      seedStep: 2,
      text: `kube-scheduler finds no node for Pod ${job.name}; it stays Pending (${waits}). ${placement.explanation}`,
      placement,
      set: [...status(id, STATUS.pending, why), ...waiting(p, id)],
      failure: { code: 'no-feasible-host', reason: why },
    })
    return false
  }
  const again = retry
    ? `kube-scheduler retries Pod ${job.name}, Pending for lack of capacity, ${retry.why}: it `
    : 'kube-scheduler '
  p.emit({
    ...base,
    actor: LANES.scheduler,
    target: LANES.extension,
    action: 'pod-filter-score',
    seedStep: 2,
    text: `${again}filters the ESXi nodes and scores ${kubeKept} of them by requests (${size.requestCpuMillis}m CPU, ${formatMemory(size.requestMemoryMiB)}); the ranked list goes to the vSphere scheduler extension.`,
  })
  if (p.interrupted.has(id)) return false
  // A fault injected after the scoring (a host failed) changes what DRS sees: it decides afresh.
  if (p.injected.length > faults) placement = decide()
  const hostId = placement.chosen
  if (hostId === null) {
    const why = `DRS found no host with unreserved capacity for the reservation: ${placement.rows.map((r) => `${r.hostName}: ${r.drs?.reason ?? r.filters.find((f) => !f.pass)?.reason ?? ''}`).join('; ')}`
    p.emit({
      ...base,
      actor: LANES.extension,
      target: LANES.drs,
      action: 'pod-drs-place',
      seedStep: 2,
      text: `DRS cannot place Pod ${job.name}; it stays Pending (${waits}). ${placement.explanation}`,
      placement,
      set: [...status(id, STATUS.pending, why), ...waiting(p, id)],
      failure: { code: 'no-feasible-host', reason: why },
    })
    return false
  }
  p.unschedulable.delete(id)
  p.emit({
    ...base,
    actor: LANES.extension,
    target: LANES.drs,
    action: 'pod-drs-place',
    seedStep: 2,
    text: `The scheduler extension asks vCenter; DRS picks ${placement.rows.find((r) => r.chosen)?.hostName}. ${placement.explanation} The binding is stored in etcd.`,
    placement,
    set: [
      ...status(id, STATUS.scheduled),
      ['objects', id, 'unschedulable', null],
      ...holdOn(p, id, hostId, podHold(size, p.num('hosts', hostId, 'mhzPerCore'))),
    ],
  })
  finishPod(p, job, size)
  return true
}

/** Marks an object as waiting for capacity: retried, in order, when some frees. */
export function waiting(p: Planner, id: string, kind: 'pod' | 'vm' | 'ha' | 'service-pod' = 'pod'): Change[] {
  p.unschedulable.add(id)
  return [['objects', id, 'unschedulable', kind]]
}

/** The job of a pod the run already knows: a Pod node, or a replica of a Deployment. */
export function podJobOf(p: Planner, id: string): PodJob | null {
  const owner = p.get('objects', id, 'owner')
  if (typeof owner === 'string') {
    const dep = p.r.index.byId.get(owner)
    if (dep?.kind !== 'deployment') return null
    const typed = dep as LabNode & { kind: 'deployment' }
    const spec = p.r.spec(typed)
    return {
      id,
      name: String(p.get('objects', id, 'name') ?? id),
      nsId: typed.parentId ?? '',
      spec,
      sequence: 'deployment',
      owner,
    }
  }
  const pod = p.r.index.byId.get(id)
  if (pod?.kind !== 'pod') return null
  const typed = pod as LabNode & { kind: 'pod' }
  return { id, name: pod.name, nsId: pod.parentId ?? '', spec: p.r.spec(typed), sequence: 'pod' }
}

/** A pod's CRX size in its namespace. */
export function sizeOf(p: Planner, job: PodJob): PodSize | null {
  const scope = p.scope(job.nsId)
  return scope ? podSize(job.spec.containers, scope.spec.containerDefaults) : null
}
