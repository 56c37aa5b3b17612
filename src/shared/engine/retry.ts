import type { LabNode } from '../domain/topology'
import type { StateReader } from './accounting'
import { crowded, ruleById, takenHosts, type RuleBook } from './anti-affinity'
import { settleDeployment } from './flows/deployment'
import { podJobOf, schedulePod, sizeOf, type Retry } from './flows/pod'
import { retryServicePod } from './flows/service-lifecycle'
import { nodeJobOf } from './flows/machine-health'
import { nodeJoined, settleTkc } from './flows/tkc'
import type { VmJob } from './flows/vm-lifecycle'
import { vmJob } from './flows/vm'
import { deployVm } from './flows/vm-place'
import { haRestart } from './host-down'
import { LANES } from './lanes'
import { heldNeed, migrate } from './migrate'
import { place } from './placement'
import type { Freed, Planner } from './planner'
import { STATUS } from './state'
import type { PlacementRule } from './types'

/**
 * When capacity frees on a host (between flows), what waits for it is tried again, in the
 * order it began to wait: Pending pods, as kube-scheduler moves unschedulable pods back to its
 * active queue on cluster events; Pending VMs, as VM Operator requeues them; and VMs that share
 * a host against a soft rule, which DRS separates in its next remediation pass (VMware compute
 * policy docs). Only what succeeds makes steps.
 */
export function onCapacityFreed(p: Planner, freed: Freed): void {
  const live = [...freed.hosts].filter((h) => p.get('hosts', h, 'state') === 'connected').sort()
  if (live.length === 0) return
  const names = live.map((h) => String(p.get('hosts', h, 'name') ?? h))
  const retry: Retry = {
    why: freed.periodic
      ? 'on its periodic pass since the last run (every 5 minutes; assumed)'
      : `now that capacity came free on ${names.length <= 3 ? names.join(', ') : `${names.length} hosts`} (step ${freed.seq})`,
  }
  for (const id of [...p.unschedulable]) {
    if (p.status(id) !== STATUS.pending || p.get('objects', id, 'host') !== null) {
      p.unschedulable.delete(id)
      continue
    }
    const kind = p.get('objects', id, 'unschedulable')
    if (kind === 'ha') haRestart(p, id, retry.why)
    else if (kind === 'service-pod') retryServicePod(p, id, retry)
    else if (kind === 'pod') {
      const job = podJobOf(p, id)
      const size = job && sizeOf(p, job)
      if (!job || !size) continue
      if (schedulePod(p, job, size, retry) && job.owner) settleDeployment(p, job.owner)
    } else resumeVm(p, id, retry)
  }
  for (const rule of [...p.broken]) mend(p, rule, freed)
}

/** The job of a VM the run already knows: a VM Service VM, or a node of a cluster. */
function vmJobOf(p: Planner, id: string): VmJob | null {
  const owner = p.get('objects', id, 'owner')
  if (typeof owner === 'string') {
    const tkc = p.r.index.byId.get(owner)
    const scope = p.scope(tkc?.parentId ?? '')
    if (tkc?.kind !== 'tkc' || !scope) return null
    return nodeJobOf(p, tkc as LabNode & { kind: 'tkc' }, scope, id)
  }
  const vm = p.r.index.byId.get(id)
  const scope = p.scope(vm?.parentId ?? '')
  return vm?.kind === 'vm' && scope ? vmJob(p.r, vm as LabNode & { kind: 'vm' }, scope) : null
}

/**
 * Places a VM whose network is ready again: after its deployment was cut off, or when capacity
 * frees (`retry`). A cluster node that comes up joins its cluster, which settles again.
 */
export function resumeVm(p: Planner, id: string, retry?: Retry): void {
  const job = vmJobOf(p, id)
  const scope = job && p.scope(job.nsId)
  if (!job || !scope || !deployVm(p, job, scope, retry) || !job.owner) return
  nodeJoined(p, job)
  if (p.status(job.owner) !== STATUS.configuring) settleTkc(p, job.owner)
}

/**
 * Where DRS may move a member of a soft rule that shares a host: a host of its cluster that keeps
 * the rule (asked as a hard one), for what the VM holds. Validate's quiet pass asks the same.
 */
export function mendAsk(p: StateReader & RuleBook & Pick<Planner, 'r'>, rule: PlacementRule, id: string) {
  const host = String(p.get('objects', id, 'host'))
  const cluster = p.r.index.byId.get(host)?.parentId ?? ''
  const others = takenHosts(p, rule.id, id)
  return {
    host,
    others,
    hosts: p.r.hostsOf(cluster).map((h) => h.id),
    need: { ...heldNeed(p, id), rules: [{ rule: { ...rule, hard: true }, taken: others }] },
  }
}

/** DRS moves crowded members of a soft rule to a host that keeps them apart, when one can take them. */
function mend(p: Planner, ruleId: string, freed: Freed): void {
  const rule = ruleById(p, ruleId)
  for (const id of rule ? crowded(p, ruleId) : []) {
    const ask = mendAsk(p, rule!, id)
    const placement = place(p.state, ask.hosts, ask.need)
    const to = placement.chosen
    if (to === null || to === ask.host) continue
    const name = String(p.get('objects', id, 'name') ?? id)
    const toName = String(p.get('hosts', to, 'name'))
    migrate(
      p,
      id,
      to,
      {
        sequence: 'fault',
        actor: LANES.drs,
        target: LANES.vcenter,
        action: 'vmotion',
        text: `DRS separates ${name} from ${ask.others.get(ask.host) ?? 'its sibling'} again${freed.periodic ? ' on its periodic pass' : ''}: ${toName} can take it now, which keeps ${rule!.name} apart (${rule!.source}). ${placement.explanation}`,
        placement,
      },
      `${name} is running on ${toName}, apart from the other members of ${rule!.name}.`,
    )
  }
  if (crowded(p, ruleId).length === 0) p.broken.delete(ruleId)
}
