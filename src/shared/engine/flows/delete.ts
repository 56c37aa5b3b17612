import { nsRelease, status } from '../accounting'
import { dissolveSegment, ledger, releaseAddress, type AddressField } from '../addresses'
import { networkStackOf } from '../network-stack'
import { crxLane, LANES, sphereletLane } from '../lanes'
import type { Change, Planner } from '../planner'
import { nsPoolIds } from '../scope'
import { STATUS } from '../state'
import { releasePodResources } from './pod-start'
import { releaseVmResources } from './vm-lifecycle'

const live = (p: Planner, id: string) => {
  const s = p.status(id)
  return s !== STATUS.deleted && s !== STATUS.absent
}

/** Ids of live objects whose `key` field is `value`, sorted. */
function ownedBy(p: Planner, key: string, value: string): string[] {
  const out: string[] = []
  for (const id in p.state.objects) if (p.state.objects[id]![key] === value && live(p, id)) out.push(id)
  return out.sort()
}

/** Gives back the addresses `id` holds as `fields` (one ledger: several may share a pool). */
function addressRelease(p: Planner, id: string, ...fields: AddressField[]): Change[] {
  const l = ledger(p)
  const out = fields.flatMap((f) => releaseAddress(l, p, id, f))
  return [...out, ...l.changes]
}

/** The network stack of the Supervisor an object lives under (its namespace's, or its own). */
function stackOf(p: Planner, id: string) {
  const node = p.r.index.byId.get(id) ?? p.r.index.byId.get(String(p.get('objects', id, 'ns') ?? ''))
  const sv = node?.kind === 'supervisor' ? node : p.r.parentOfKind(node?.id ?? '', 'supervisor')
  return networkStackOf(p.r, sv?.id ?? '')
}

function deletePod(p: Planner, id: string, sequence: 'delete' = 'delete'): void {
  const name = String(p.get('objects', id, 'name') ?? id)
  const host = p.get('objects', id, 'host')
  p.emit({
    sequence,
    object: id,
    actor: LANES.user,
    target: LANES.apiserver,
    action: 'delete',
    text: `kubectl delete: Pod ${name} is marked for deletion.`,
    set: status(id, STATUS.deleting),
  })
  p.emit({
    sequence,
    object: id,
    actor: typeof host === 'string' ? sphereletLane(host) : LANES.apiserver,
    target: typeof host === 'string' ? crxLane(id) : LANES.apiserver,
    action: 'delete',
    text:
      typeof host === 'string'
        ? `The Spherelet stops ${name}'s containers; hostd powers off and deletes the CRX; its IP returns to the namespace network and the reservation to the host.`
        : `Pod ${name} had no host; it is removed from etcd.`,
    set: [...releasePodResources(p, id), ...nsRelease(p, id), ...status(id, STATUS.deleted)],
  })
}

function deleteVm(p: Planner, id: string): void {
  const name = String(p.get('objects', id, 'name') ?? id)
  p.emit({
    sequence: 'delete',
    object: id,
    actor: LANES.vmop,
    target: LANES.vcenter,
    action: 'delete',
    text: `VM Operator powers off and deletes ${name}; its reservation, IP and disk quota are released.`,
    set: [...releaseVmResources(p, id), ...nsRelease(p, id), ...status(id, STATUS.deleted)],
  })
}

/** Tears down one object the topology no longer has, children first (DESIGN.md 4: runs remove what the topology removes). */
export function deleteObject(p: Planner, id: string): void {
  if (!live(p, id)) return
  const kind = p.get('objects', id, 'kind')
  const name = String(p.get('objects', id, 'name') ?? id)
  const base = { sequence: 'delete' as const, object: id }
  switch (String(kind)) {
    case 'pod':
      return deletePod(p, id)
    case 'vm':
    case 'tkc-node':
      return deleteVm(p, id)
    case 'deployment':
      p.emit({
        ...base,
        actor: LANES.user,
        target: LANES.apiserver,
        action: 'delete',
        text: `kubectl delete: Deployment ${name} and its ReplicaSet are deleted; their Pods follow.`,
        set: status(id, STATUS.deleting),
      })
      for (const pod of ownedBy(p, 'owner', id)) deletePod(p, pod)
      p.emit({
        ...base,
        actor: LANES.apiserver,
        target: LANES.user,
        action: 'delete',
        text: `Deployment ${name} is gone.`,
        set: [...nsRelease(p, id), ...status(id, STATUS.deleted)],
      })
      return
    case 'tkc':
      p.emit({
        ...base,
        actor: LANES.user,
        target: LANES.capi,
        action: 'delete',
        text: `kubectl delete: Cluster API deletes the Machines of ${name}.`,
        set: status(id, STATUS.deleting),
      })
      for (const node of ownedBy(p, 'owner', id)) deleteVm(p, node)
      p.emit({
        ...base,
        actor: LANES.capi,
        target: stackOf(p, id).lbTarget,
        action: 'delete',
        text: `The control-plane VIP, resource pool, folder and cluster modules of ${name} are removed.`,
        set: [...addressRelease(p, id, 'vip'), ...status(id, STATUS.deleted)],
      })
      return
    case 'pvc':
      p.emit({
        ...base,
        actor: LANES.cns,
        target: LANES.vcenter,
        action: 'delete',
        text: `CNS deletes the volume of PVC ${name}; the storage quota is released.`,
        set: [...nsRelease(p, id), ...status(id, STATUS.deleted)],
      })
      return
    case 'service': {
      const stack = stackOf(p, id)
      p.emit({
        ...base,
        actor: stack.lbActor,
        target: stack.lbTarget,
        action: 'delete',
        text: `${stack.lbWho} removes Service ${name}'s virtual ${stack.nsx ? 'server' : 'service'}; its VIP returns to ${stack.vipRange}.`,
        set: [...addressRelease(p, id, 'vip'), ...nsRelease(p, id), ...status(id, STATUS.deleted)],
      })
      return
    }
    case 'namespace': {
      for (const child of ownedBy(p, 'ns', id))
        if (!String(p.get('objects', child, 'owner') ?? '').length) deleteObject(p, child)
      const stack = stackOf(p, id)
      const l = ledger(p)
      const addresses = releaseAddress(l, p, id, 'snat')
      for (const pool of Object.values(nsPoolIds(id))) dissolveSegment(l, p, pool)
      p.emit({
        ...base,
        actor: LANES.user,
        target: LANES.wcpsvc,
        action: 'delete',
        text: stack.vpc
          ? `wcpsvc removes namespace ${name}: its resource pool and folder; nsx-operator deletes its VPC (subnets, load balancer and SNAT IP).`
          : stack.nsx
            ? `wcpsvc removes namespace ${name}: its resource pool and folder; NCP removes its Tier-1, segment (its address blocks return to the namespace network), load balancer and SNAT IP.`
            : `wcpsvc removes namespace ${name}: its resource pool and folder; the workload network stays.`,
        set: [...addresses, ...l.changes, ...status(id, STATUS.deleted)],
      })
      return
    }
    case 'supervisor-service':
      return deleteService(p, id, name)
    case 'supervisor':
      p.emit({
        ...base,
        actor: LANES.user,
        target: LANES.wcpsvc,
        action: 'delete',
        text: `The admin disables Workload Management on Supervisor ${name}.`,
        set: status(id, STATUS.deleting),
      })
      for (const s of ownedBy(p, 'supervisor', id))
        p.emit({
          ...base,
          object: s,
          actor: LANES.wcpsvc,
          target: LANES.vcenter,
          action: 'delete',
          text:
            p.get('objects', s, 'kind') === 'spherelet'
              ? `vLCM uninstalls the Spherelet VIB from ${p.get('hosts', String(p.get('objects', s, 'host')), 'name')}.`
              : `ESX Agent Manager deletes ${p.get('objects', s, 'name')}.`,
          set: [...releaseVmResources(p, s), ...status(s, STATUS.deleted)],
        })
      p.emit({
        ...base,
        actor: LANES.wcpsvc,
        target: LANES.user,
        action: 'delete',
        text: `Supervisor ${name} is disabled; its API VIP and management addresses are released.`,
        set: [...addressRelease(p, id, 'vip', 'floatingIp', 'spareIp'), ...status(id, STATUS.deleted)],
      })
      return
    default:
      p.emit({
        ...base,
        actor: LANES.user,
        target: LANES.apiserver,
        action: 'delete',
        text: `${name} is deleted.`,
        set: status(id, STATUS.deleted),
      })
  }
}

/**
 * Uninstalling a Supervisor Service: its pods go, then its namespace and addresses. VKS, the core
 * service, cannot be uninstalled [D8-TKGS]: it keeps running.
 */
function deleteService(p: Planner, id: string, name: string): void {
  const base = { sequence: 'delete' as const, object: id, action: 'delete' }
  if (p.get('objects', id, 'namespace') === null && p.status(id) === STATUS.running) {
    p.emit({
      ...base,
      actor: LANES.user,
      target: LANES.wcpsvc,
      text: `${name} is a core Supervisor Service: it cannot be uninstalled and keeps running [D8-TKGS].`,
      failure: { code: 'core-service', reason: 'a core Supervisor Service cannot be uninstalled' },
    })
    return
  }
  for (const pod of ownedBy(p, 'owner', id)) deletePod(p, pod)
  const l = ledger(p)
  const addresses = [...releaseAddress(l, p, id, 'vip'), ...releaseAddress(l, p, id, 'snat')]
  for (const pool of [`${id}/pool/segment`, `${id}/pool/namespace`]) dissolveSegment(l, p, pool)
  p.emit({
    ...base,
    actor: LANES.user,
    target: LANES.wcpsvc,
    text: `The admin uninstalls ${name}: kapp-controller deletes its package and wcpsvc its namespace ${String(p.get('objects', id, 'namespace') ?? '')}; its addresses are released.`,
    set: [...addresses, ...l.changes, ...status(id, STATUS.deleted)],
  })
}
