import { giveIp, nsRelease, status } from '../accounting'
import { crxLane, LANES, sphereletLane } from '../lanes'
import type { Change, Planner } from '../planner'
import { STATUS } from '../state'
import { releasePodResources } from './pod-resources'
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

const vipRelease = (p: Planner, id: string): Change[] => {
  const pool = p.get('objects', id, 'vipPool')
  return typeof pool === 'string' ? [giveIp(p, pool), ['objects', id, 'vipPool', null]] : []
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
        ? `The Spherelet stops ${name}'s containers; hostd powers off and deletes the CRX; NSX releases its IP and the reservation returns to the host.`
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
        target: LANES.nsx,
        action: 'delete',
        text: `The control-plane VIP, resource pool and folder of ${name} are removed.`,
        set: [...vipRelease(p, id), ...status(id, STATUS.deleted)],
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
    case 'service':
      p.emit({
        ...base,
        actor: LANES.nsx,
        target: LANES.lb,
        action: 'delete',
        text: `NCP removes Service ${name}'s virtual server and releases its VIP.`,
        set: [...vipRelease(p, id), ...nsRelease(p, id), ...status(id, STATUS.deleted)],
      })
      return
    case 'namespace':
      for (const child of ownedBy(p, 'ns', id))
        if (!String(p.get('objects', child, 'owner') ?? '').length) deleteObject(p, child)
      p.emit({
        ...base,
        actor: LANES.user,
        target: LANES.wcpsvc,
        action: 'delete',
        text: `wcpsvc removes namespace ${name}: its resource pool, folder, Tier-1, segment, load balancer and SNAT IP.`,
        set: [...vipRelease(p, id), ...snatRelease(p, id), ...status(id, STATUS.deleted)],
      })
      return
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
        text: `Supervisor ${name} is disabled; its API VIP is released.`,
        set: [...vipRelease(p, id), ...status(id, STATUS.deleted)],
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

function snatRelease(p: Planner, id: string): Change[] {
  const pool = p.get('objects', id, 'snatPool')
  return typeof pool === 'string' ? [giveIp(p, pool), ['objects', id, 'snatPool', null]] : []
}
