import type { Change, Planner } from './planner'
import type { PlacementRule } from './types'

/**
 * The rules that keep VMs apart on hosts, each with where its hardness comes from (DOMAIN.md 5).
 *
 * - Supervisor control-plane VMs: ESX Agent Manager applies a "firm anti-affinity compute
 *   policy" so they never run on the same host; vMotion keeps them apart, and during host
 *   maintenance vSphere bends it and allows two on one host [KC]. Hard here: placement and HA
 *   never put two on one host; only a maintenance evacuation may. That HA declines a restart
 *   that would break it, as it does for VM anti-affinity rules it must respect (vSphere HA and
 *   DRS affinity rules, vSphere 6.5 docs), is inferred: [KC] does not say what HA does.
 * - Kubernetes cluster nodes: CAPV's VirtualMachineSetResourcePolicy creates one DRS cluster
 *   module for the control plane and one per MachineDeployment [CAPV resource_policy.go], and a
 *   VM-VM anti-affinity policy on each keeps its nodes on separate hosts [TZ-AA]. Soft here:
 *   such a policy places a VM on any suitable host when no host satisfies it, cannot prevent an
 *   HA failover, and DRS moves the VM to a compliant host in a later remediation cycle (VMware
 *   Cloud on AWS compute-policy docs, "VM-VM anti-affinity policy"; that on-premises cluster
 *   modules behave the same is inferred).
 */
export function supervisorRule(svId: string, svName: string): PlacementRule {
  return {
    id: `${svId}/anti-affinity`,
    name: `control-plane VMs of ${svName}`,
    hard: true,
    source: 'EAM anti-affinity policy, firm [KC]',
  }
}

export function clusterModuleRule(tkcId: string, tkcName: string, group: string): PlacementRule {
  return {
    id: `${tkcId}/module/${group}`,
    name: `cluster module ${tkcName}/${group}`,
    hard: false,
    source: 'DRS cluster module, soft VM-VM anti-affinity [CAPV][TZ-AA]',
  }
}

/** The rule an id names (rules are found again from what a run left). */
export function ruleById(p: Pick<Planner, 'r'>, ruleId: string): PlacementRule | null {
  const sv = /^(.*)\/anti-affinity$/.exec(ruleId)
  if (sv) return supervisorRule(sv[1]!, p.r.index.byId.get(sv[1]!)?.name ?? sv[1]!)
  const mod = /^(.*)\/module\/([^/]+)$/.exec(ruleId)
  if (mod) return clusterModuleRule(mod[1]!, p.r.index.byId.get(mod[1]!)?.name ?? mod[1]!, mod[2]!)
  return null
}

/** What keeps track of each rule's members: the planner, or validate's quiet pass. */
export type RuleBook = Pick<Planner, 'apart' | 'get'>

/** Hosts that run another member of `ruleId`, with that member's name. */
export function takenHosts(p: RuleBook, ruleId: string, selfId: string): Map<string, string> {
  const out = new Map<string, string>()
  for (const m of p.apart.get(ruleId) ?? []) {
    if (m === selfId) continue
    const host = p.get('objects', m, 'host')
    if (typeof host === 'string' && !out.has(host)) out.set(host, String(p.get('objects', m, 'name') ?? m))
  }
  return out
}

/** Records `id` as a member of rule `ruleId` in an index of members (the planner's, or validate's). */
export function addMember(apart: Map<string, string[]>, id: string, ruleId: string): void {
  const members = apart.get(ruleId)
  if (!members) apart.set(ruleId, [id])
  else if (!members.includes(id)) members.push(id)
}

/** Makes `id` a member of `rule`: a change to record on it, and the index of members. */
export function joinRule(p: Pick<Planner, 'apart'>, id: string, rule: PlacementRule): Change {
  addMember(p.apart, id, rule.id)
  return ['objects', id, 'apart', rule.id]
}

/** Members of `ruleId` that share a host with an earlier member (by id order). */
export function crowded(p: RuleBook, ruleId: string): string[] {
  const seen = new Set<string>()
  const out: string[] = []
  for (const m of [...(p.apart.get(ruleId) ?? [])].sort()) {
    const host = p.get('objects', m, 'host')
    if (typeof host !== 'string') continue
    if (seen.has(host)) out.push(m)
    else seen.add(host)
  }
  return out
}
