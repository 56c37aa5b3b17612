import { SUPERVISOR_SERVICES, type ServiceKey } from '../../domain/rules/supervisor-services'
import type { LabNode } from '../../domain/topology'
import { status } from '../accounting'
import { allocate, holdAddress, ledger } from '../addresses'
import { LANES } from '../lanes'
import type { Planner } from '../planner'
import { poolIds, type SvScope } from '../scope'
import { STATUS } from '../state'
import type { Retry } from './pod'
import { runServicePod, type ServicePodJob } from './service-pods'

/** A service's name without the catalogue's gloss: "Contour" for "Contour (Kubernetes Ingress Controller Service)". */
export const shortName = (label: string) => label.replace(/ \(.*\)$/, '')

/** The service's entry in the catalogue, from its node. */
function entryOf(p: Planner, serviceId: string) {
  const node = p.r.index.byId.get(serviceId)
  if (node?.kind !== 'supervisor-service') return null
  const key: ServiceKey = p.r.spec(node as LabNode & { kind: 'supervisor-service' }).service
  return SUPERVISOR_SERVICES[key]
}

/**
 * A LoadBalancer the service publishes (Harbor's registry on 443 since v2.11.2 is [SVC-README];
 * the other ports are assumed): a VIP from the Supervisor's load balancer, as for a Service.
 */
export function serviceEndpoint(
  p: Planner,
  node: LabNode,
  scope: SvScope,
  what: string,
  ports: readonly number[],
): void {
  const { stack } = scope
  const pool = poolIds(scope.sv.id).ingress
  const l = ledger(p)
  const vip = allocate(l, pool)
  const base = { sequence: 'supervisor-service' as const, object: node.id, action: 'service-vip' }
  if (!vip) {
    const why = `no free VIP in ${stack.vipRange} for ${what}`
    p.emit({
      ...base,
      actor: stack.lbActor,
      target: stack.lbTarget,
      text: `${stack.lbWho} cannot publish ${what}: ${stack.vipRange} is exhausted.`,
      set: status(node.id, STATUS.failed, why),
      failure: { code: 'ip-exhausted', reason: why },
    })
    return
  }
  p.emit({
    ...base,
    actor: stack.lbActor,
    target: stack.lbTarget,
    text: `${stack.nsx ? `${stack.lbWho} has NSX publish` : `${stack.lbName} publishes`} ${what} as a LoadBalancer Service: VIP ${vip.address} from ${stack.vipRange}, port${ports.length === 1 ? '' : 's'} ${ports.join(', ')}.`,
    set: [...l.changes, ...holdAddress(node.id, 'vip', pool, vip)],
  })
}

/** Pods of a service, as the run knows them (live ones: a lost pod's replacement counts instead). */
function podsOf(p: Planner, serviceId: string): string[] {
  const out: string[] = []
  for (const id in p.state.objects) {
    const o = p.state.objects[id]!
    if (o['owner'] === serviceId && o['kind'] === 'pod' && o['status'] !== STATUS.deleted) out.push(id)
  }
  return out.sort()
}

/** A service is Running when all its pods run, Degraded (and says which wait) otherwise. */
export function settleService(p: Planner, serviceId: string): void {
  if (p.status(serviceId) === STATUS.failed) return
  const entry = entryOf(p, serviceId)
  const pods = podsOf(p, serviceId)
  const down = pods.filter((id) => p.status(id) !== STATUS.running)
  const name = String(p.get('objects', serviceId, 'name') ?? serviceId)
  const base = { sequence: 'supervisor-service' as const, object: serviceId, actor: LANES.kapp }
  const ns = String(p.get('objects', serviceId, 'namespace') ?? '')
  if (down.length === 0) {
    if (p.status(serviceId) === STATUS.running) return
    const vip = p.get('objects', serviceId, 'vip')
    p.emit({
      ...base,
      target: LANES.user,
      action: 'service-ready',
      text: `${entry?.label ?? name} is Running in ${ns}: ${pods.length} vSphere Pod${pods.length === 1 ? '' : 's'}${typeof vip === 'string' ? `, reachable at ${vip}` : ''}.`,
      set: status(serviceId, STATUS.running),
    })
    return
  }
  const why = `${down.length} of ${pods.length} pods are not running: ${down.map((id) => `${p.get('objects', id, 'name') ?? id}: ${p.get('objects', id, 'reason') ?? p.status(id)}`).join('; ')}`
  p.emit({
    ...base,
    target: LANES.apiserver,
    action: 'service-ready',
    text: `${entry?.label ?? name} is degraded: ${why}.`,
    set: status(serviceId, 'Degraded', why),
    failure: { code: 'service-pods-not-running', reason: why },
  })
}

/** The job of a service pod the run already knows (a retry, or the replacement of a lost one). */
function jobOf(p: Planner, id: string, owner: string, component: string, name: string): ServicePodJob | null {
  const entry = entryOf(p, owner)
  const sv = p.r.parentOfKind(owner, 'supervisor')
  const scope = sv ? p.svScope(sv.id) : null
  const c = entry?.components.find((x) => x.name === component)
  if (!entry || !scope || !c) return null
  return {
    id,
    name,
    owner,
    component: c,
    hostIds: scope.hostIds,
    ipPool: String(p.get('objects', owner, 'podPool') ?? ''),
    namespace: String(p.get('objects', owner, 'namespace') ?? ''),
    serviceLabel: shortName(entry.label),
  }
}

/** A Pending service pod, tried again when capacity frees; the service settles when it runs. */
export function retryServicePod(p: Planner, id: string, retry: Retry): void {
  const owner = String(p.get('objects', id, 'owner') ?? '')
  const job = jobOf(
    p,
    id,
    owner,
    String(p.get('objects', id, 'component') ?? ''),
    String(p.get('objects', id, 'name') ?? id),
  )
  if (job && runServicePod(p, job, retry)) settleService(p, owner)
}

/**
 * A service pod lost with its host: the service's own controller (its Deployment's ReplicaSet,
 * assumed like any Deployment's) creates a replacement, placed afresh.
 */
export function replaceServicePod(p: Planner, lost: string, next: number): void {
  const owner = String(p.get('objects', lost, 'owner') ?? '')
  const component = String(p.get('objects', lost, 'component') ?? '')
  // Numbered after the component's pods so far (the product's names carry random suffixes).
  const made = Object.values(p.state.objects).filter(
    (o) => o['owner'] === owner && o['component'] === component,
  )
  const job = jobOf(p, `${owner}/${next}`, owner, component, `${component}-${made.length + 1}`)
  if (!job) return
  runServicePod(p, job)
  settleService(p, owner)
}
