import { clusterApiFor, clusterClassFor } from '../../domain/defaults'
import type { ResolvedTopology } from '../../domain/resolve'
import type { ClusterClassRow } from '../../domain/rules/cluster-classes'
import { supervisorOf, vcenterVersionOf } from '../../domain/rules/placement-of'
import { hasFeature } from '../../domain/rules/versions'
import type { LabNode } from '../../domain/topology'
import { status } from '../accounting'
import { count } from '../placement'
import type { Change, Planner } from '../planner'
import type { NsScope } from '../scope'
import { STATUS } from '../state'
import type { VmJob } from './vm-lifecycle'

type Tkc = LabNode & { kind: 'tkc' }

/** How a cluster is written and what Cluster API builds it from, as the domain resolves it. */
export interface ClusterForm {
  /** "Cluster x (ClusterClass c)", "TanzuKubernetesCluster x". */
  what: string
  /** The ClusterClass its Cluster is rendered from, when one is known. */
  row?: ClusterClassRow
  /** A TanzuKubernetesCluster the TKG controller turns into a Cluster (v1alpha3, vSphere 8 on). */
  converted: boolean
  /** The release catalogue's name: VKr with VKS (8.0 U3 on), TKR before. */
  release: 'VKr' | 'TKR'
}

/** The cluster's form (DOMAIN.md 3.4, 3.5; docs/platform-facts.md "VKS clusters"). */
export function clusterForm(r: ResolvedTopology, tkc: Tkc): ClusterForm {
  const spec = r.spec(tkc)
  const version = vcenterVersionOf(r, tkc)
  const sv = supervisorOf(r, tkc)
  const release = version !== undefined && hasFeature(version, 'vks') ? 'VKr' : 'TKR'
  const cls = clusterClassFor(r, sv?.id, version, spec.clusterClass, spec.version, tkc.name)
  if (spec.api === 'capi') {
    const row = cls.ok ? cls.value : undefined
    return {
      what: `Cluster ${tkc.name} (ClusterClass ${row?.name ?? '?'})`,
      ...(row ? { row } : {}),
      converted: false,
      release,
    }
  }
  const api = clusterApiFor(version, 'tkc')
  const converted = api.ok && api.value === 'tkc-v1alpha3'
  // A TKC v1alpha3 is a Cluster of class tanzukubernetescluster where the vCenter has the class.
  const row = converted && cls.ok && cls.value.vks === undefined ? cls.value : undefined
  return { what: `TanzuKubernetesCluster ${tkc.name}`, ...(row ? { row } : {}), converted, release }
}

/** The render step: the class and its variables, the objects, failure domains and health checks. */
export function renderText(r: ResolvedTopology, tkc: Tkc, form: ClusterForm, scope: NsScope): string {
  const spec = r.spec(tkc)
  const zones = scope.zones.length > 1
  const pools = spec.nodePools.map(
    (np) => `${np.name}${np.failureDomain ? ` in failure domain ${np.failureDomain}` : ''}`,
  )
  const cp = `a KubeadmControlPlane of ${count(spec.controlPlane.replicas)} replica${spec.controlPlane.replicas === 1 ? '' : 's'}${zones && spec.controlPlane.replicas > 1 ? ` spread over the failure domains ${scope.zones.map((z) => z.name).join(', ')}` : ''}`
  const mds = `${count(spec.nodePools.length)} MachineDeployment${spec.nodePools.length === 1 ? '' : 's'} (${pools.join(', ')})`
  const generic = form.row?.vks !== undefined
  const same = generic
    ? '; the same on builtin-generic classes is assumed'
    : !form.row && !form.converted
      ? '; vSphere 8 values, the same before 8.0 is assumed'
      : ''
  const mhc = `MachineHealthChecks, one for the control plane and one per MachineDeployment (Ready Unknown 5m or False 12m [D8-CC]${same})`
  const window = form.row?.kubernetes
    ? `; the class builds Kubernetes ${form.row.kubernetes.join(' to ')} (unverified)`
    : ''
  const resolves = `it resolves the ${form.release} ${spec.version}${window}`
  const objects = `a VSphereCluster, ${cp}, ${mds} and ${mhc}`
  if (!form.row)
    return form.converted
      ? `The TKG controller turns TanzuKubernetesCluster ${tkc.name} (v1alpha3, deprecated but served) into a Cluster; the ClusterClass it uses on VKS is not read (unverified). Cluster API renders ${objects}; ${resolves}.`
      : `The TKG controller renders ${form.what} into Cluster API objects: ${objects}; ${resolves}.`
  const row = form.row
  const vars = `${row.variables.required.join(' and ')}${row.variables.unverified ? ' (names unverified for this class)' : ''}`
  const from = `${row.name}${row.namespace ? ` from ${row.namespace}` : ''}`
  const head = form.converted
    ? `The TKG controller turns TanzuKubernetesCluster ${tkc.name} into a Cluster of ClusterClass ${from} [D8-TKGTYPES]; the Cluster API topology controller renders it`
    : `The Cluster API topology controller renders ClusterClass ${from}`
  return `${head} with the variables ${vars}: ${objects}; ${resolves}.`
}

/** The group (control plane or pool) a node id belongs to: `tkc-1/np-a-2` gives `np-a`. */
export const groupOf = (tkcId: string, nodeId: string) => nodeId.slice(tkcId.length + 1).replace(/-\d+$/, '')

/** The Machine step's sentence. */
export function machineText(n: VmJob, scope: NsScope, replaces?: string): string {
  const cp = n.id.includes('/cp-')
  const owner = cp ? 'KubeadmControlPlane' : 'The MachineSet of the MachineDeployment'
  const name = scope.zones.find((z) => z.id === n.zone)?.name ?? n.zone
  const why =
    replaces && cp
      ? ', the failure domain with the fewest control-plane machines (whether its hosts are up does not enter the choice; assumed)'
      : replaces
        ? ', its failure domain'
        : ''
  const zone = n.zone ? ` in zone ${name}${why}` : ''
  return `${owner} creates Machine ${n.name}${replaces ? ` to replace ${replaces}` : ''} with its bootstrap secret and VSphereMachine; CAPV creates a VirtualMachine (class ${n.className}) for VM Operator${zone}.`
}

/** What a Machine's node records: what it is, its cluster, its group and zone (for a replacement). */
export function machineChanges(n: VmJob): Change[] {
  return [
    ['objects', n.id, 'kind', 'tkc-node'],
    ['objects', n.id, 'name', n.name],
    ['objects', n.id, 'owner', n.owner ?? ''],
    ['objects', n.id, 'group', groupOf(n.owner ?? '', n.id)],
    ...(n.zone ? ([['objects', n.id, 'zone', n.zone]] as Change[]) : []),
    ...status(n.id, STATUS.pending),
  ]
}

/** A cluster's live nodes, sorted: what it has once created (replacements instead of the lost). */
export function liveNodes(p: Pick<Planner, 'state'>, tkcId: string): string[] {
  const out: string[] = []
  for (const id in p.state.objects) {
    const o = p.state.objects[id]!
    if (o['owner'] === tkcId && o['kind'] === 'tkc-node' && o['status'] !== STATUS.deleted) out.push(id)
  }
  return out.sort()
}
