import type { LabNode } from '../../domain/topology'
import { nsHold, status } from '../accounting'
import { LANES } from '../lanes'
import type { Planner } from '../planner'
import { asDeltas, DEPLOYMENT_WANTS, exceededText, quotaExceeded } from '../quota'
import { STATUS } from '../state'
import { runPod, type PodJob } from './pod'
import { draftBase } from '../draft-base'

/** The replica job for index `i` of a Deployment. */
export function replicaJob(dep: LabNode & { kind: 'deployment' }, spec: PodJob['spec'], i: number): PodJob {
  return {
    id: `${dep.id}/${i}`,
    name: `${dep.name}-${i}`,
    nsId: dep.parentId ?? '',
    spec,
    sequence: 'deployment',
    owner: dep.id,
  }
}

/** A Deployment: admission, a ReplicaSet, then each replica as a vSphere Pod (DOMAIN.md 4c). */
export function runDeployment(p: Planner, dep: LabNode & { kind: 'deployment' }): void {
  const spec = p.r.spec(dep)
  const nsId = dep.parentId ?? ''
  const base = draftBase({ sequence: 'deployment' as const, object: dep.id })
  const over = quotaExceeded(p.state, nsId, DEPLOYMENT_WANTS)
  const reject =
    p.status(nsId) !== STATUS.running ? 'namespace is not running' : over ? exceededText(over) : null
  if (reject) {
    p.emit({
      ...base,
      actor: LANES.user,
      target: LANES.lb,
      action: 'pod-submit',
      text: `kube-apiserver rejects Deployment ${dep.name}: ${reject}.`,
      set: status(dep.id, STATUS.failed, reject),
      failure: {
        code: reject.startsWith('exceeded') ? 'quota-exceeded' : 'namespace-not-running',
        reason: reject,
      },
    })
    return
  }
  p.emit({
    ...base,
    actor: LANES.user,
    target: LANES.lb,
    action: 'pod-submit',
    text: `kubectl apply sends Deployment ${dep.name} (${spec.replicas} replicas) through the API VIP to kube-apiserver.`,
    set: [...status(dep.id, STATUS.pending), ...nsHold(p, dep.id, nsId, asDeltas(DEPLOYMENT_WANTS))],
  })
  p.emit({
    ...base,
    actor: LANES.apiserver,
    target: LANES.apiserver,
    action: 'pod-admit',
    text: `The Deployment controller creates a ReplicaSet for ${dep.name}, which creates ${spec.replicas} Pod(s), each a vSphere Pod.`,
    set: [
      ['objects', dep.id, 'replicas', spec.replicas],
      ['objects', dep.id, 'nextReplica', spec.replicas],
      ...status(dep.id, STATUS.configuring),
    ],
  })
  for (let i = 0; i < spec.replicas; i++) runPod(p, replicaJob(dep, spec, i))
  settleDeployment(p, dep.id)
}

/** Sets a Deployment's status from its live replicas: Running when all wanted replicas run. */
export function settleDeployment(p: Planner, depId: string): void {
  const wanted = p.num('objects', depId, 'replicas')
  const next = p.num('objects', depId, 'nextReplica')
  const live: string[] = []
  for (let i = 0; i < next; i++) if (p.status(`${depId}/${i}`) !== STATUS.deleted) live.push(`${depId}/${i}`)
  const running = live.filter((id) => p.status(id) === STATUS.running).length
  const name = String(p.get('objects', depId, 'name') ?? depId)
  const ok = running >= wanted
  const reason = ok
    ? undefined
    : `${running} of ${wanted} replicas running (${live
        .filter((id) => p.status(id) !== STATUS.running)
        .map(
          (id) =>
            `${String(p.get('objects', id, 'name') ?? `${name}-${id.slice(depId.length + 1)}`)}: ${p.status(id)}`,
        )
        .join(', ')})`
  p.emit({
    sequence: 'deployment',
    object: depId,
    actor: LANES.apiserver,
    target: LANES.user,
    action: 'pod-running',
    text: ok
      ? `Deployment ${name} is available: ${running}/${wanted} replicas running.`
      : `Deployment ${name} is degraded: ${reason}.`,
    set: status(depId, ok ? STATUS.running : 'Degraded', reason),
  })
}
