import { vksVersionOf } from '../../domain/defaults'
import { isKind } from '../../domain/resolve'
import { CLUSTER_CLASSES, compareDotted } from '../../domain/rules/cluster-classes'
import { vcenterVersionOf } from '../../domain/rules/placement-of'
import { serviceRefusals } from '../../domain/rules/services'
import {
  serviceNamespaceName,
  serviceVersionOf,
  SUPERVISOR_SERVICES,
  type ServiceComponent,
} from '../../domain/rules/supervisor-services'
import { hasRow } from '../../domain/rules/versions'
import type { LabNode } from '../../domain/topology'
import { SERVICE_REGISTER_PATH, serviceInstallPath, vcenterApiShape } from '../../domain/vcenter-api-shape'
import { status } from '../accounting'
import { allocate, createPool, holdAddress, ledger, segmentPool } from '../addresses'
import { LANES } from '../lanes'
import type { Planner } from '../planner'
import { poolIds, type SvScope } from '../scope'
import { STATUS } from '../state'
import { serviceEndpoint, settleService, shortName } from './service-lifecycle'
import { runServicePod, type ServicePodJob } from './service-pods'
import { supervisorNoun } from './supervisor'
import { createVpc, vpcNames } from './vpc-network'

type Svc = LabNode & { kind: 'supervisor-service' }

/** Failure codes of a service refused by the domain's rules (validate lists them itself). */
export const SERVICE_REFUSED = 'supervisor-service-refused'

/**
 * Putting a Supervisor Service on a Supervisor (docs/platform-facts.md, "Supervisor Services"):
 * the admin registers the service version with vCenter and installs it on the Supervisor
 * (domain/vcenter-api-shape.ts gives the requests of the lab's version); wcpsvc creates its
 * `svc-…` namespace with a network like any namespace's; kapp-controller installs the Carvel
 * package, whose vSphere Pods the same placement as any pod places; a service that publishes
 * an endpoint gets a VIP from the Supervisor's load balancer. VKS, the core service, runs on the
 * control-plane VMs and publishes the ClusterClasses Clusters are built from.
 */
export function enableService(p: Planner, node: Svc): void {
  const spec = p.r.spec(node)
  const entry = SUPERVISOR_SERVICES[spec.service]
  const version = serviceVersionOf(spec.service, spec.version)
  const label = `${entry.label} ${version}`
  const base = { sequence: 'supervisor-service' as const, object: node.id }
  const sv = p.r.parentOfKind(node.id, 'supervisor')
  const scope = sv ? p.svScope(sv.id) : null
  const fail = (text: string, code: string, reason: string) =>
    p.emit({
      ...base,
      actor: LANES.user,
      target: LANES.wcpsvc,
      action: 'service-register',
      text,
      set: [['objects', node.id, 'kind', 'supervisor-service'], ...status(node.id, STATUS.failed, reason)],
      failure: { code, reason },
    })
  if (!sv || !scope || p.status(sv.id) !== STATUS.running) {
    const why = sv ? `Supervisor ${sv.name} is not running` : 'the service is on no Supervisor'
    return void fail(`${label} cannot be installed: ${why}.`, 'supervisor-not-running', why)
  }
  const refused = serviceRefusals(p.r, node)[0]
  if (refused)
    return void fail(`wcpsvc refuses ${label}: ${refused.reason}.`, SERVICE_REFUSED, refused.reason)
  const vc = vcenterVersionOf(p.r, sv) ?? ''
  const shape = vcenterApiShape(vc)
  const noun = supervisorNoun(vc)
  p.emit({
    ...base,
    actor: entry.core ? LANES.wcpsvc : LANES.user,
    target: LANES.wcpsvc,
    action: 'service-register',
    text: entry.core
      ? `${label} is a core Supervisor Service: vCenter registers it (${entry.serviceId}; identifier unverified) and installs it with the Supervisor, and it cannot be uninstalled [D8-TKGS].`
      : `The admin registers ${label} with vCenter: POST ${SERVICE_REGISTER_PATH} with its ${shape.carvelServices ? 'Carvel Package and PackageMetadata' : 'service definition'} (identifier ${entry.serviceId}; unverified).`,
    set: [
      ['objects', node.id, 'kind', 'supervisor-service'],
      ['objects', node.id, 'name', node.name],
      ...status(node.id, STATUS.configuring),
    ],
  })
  if (entry.runsOn === 'control-plane') return runVks(p, node, sv.name, version, vc)
  const cluster = scope.zones[0]?.name ?? 'cluster'
  const namespace = serviceNamespaceName(spec.service, 1)
  p.emit({
    ...base,
    actor: LANES.user,
    target: LANES.wcpsvc,
    action: 'service-install',
    text: `The admin installs ${label} on ${noun} ${sv.name}: POST ${serviceInstallPath(shape, `{${sv.name}}`, `{${cluster}}`)}. wcpsvc creates its namespace ${namespace} (the svc-<service>-domain-c<N> pattern is inferred from public scripts; the lab numbers the cluster) and kapp-controller installs the package (PackageInstall; the component is assumed).`,
    set: [['objects', node.id, 'namespace', namespace]],
  })
  const ipPool = serviceNetwork(p, node, scope, namespace)
  if (ipPool === null) return
  const jobs = podJobs(node.id, entry.components, {
    hostIds: scope.hostIds,
    ipPool,
    namespace,
    serviceLabel: shortName(entry.label),
  })
  p.emit({
    ...base,
    actor: LANES.kapp,
    target: LANES.apiserver,
    action: 'service-namespace',
    text: `kapp-controller applies ${label}'s package in ${namespace}: ${entry.components.map((c) => `${c.name} ×${c.replicas}`).join(', ')} as vSphere Pods (component list and sizes assumed).`,
    set: [
      ['objects', node.id, 'nextReplica', jobs.length],
      ['objects', node.id, 'podPool', ipPool],
    ],
  })
  for (const job of jobs) runServicePod(p, job)
  if (entry.endpoint)
    serviceEndpoint(
      p,
      node,
      scope,
      `${entry.endpoint.what} of ${shortName(entry.label)}`,
      entry.endpoint.ports,
    )
  settleService(p, node.id)
}

/** VKS (the core service) runs on the control plane and publishes its ClusterClasses [D8-TKGS]. */
function runVks(p: Planner, node: Svc, svName: string, version: string, vc: string): void {
  const classes = CLUSTER_CLASSES.filter(
    (c) => c.vks !== undefined && compareDotted(c.vks, version) <= 0 && hasRow(vc, c),
  ).map((c) => c.name)
  const tkc = CLUSTER_CLASSES.find((c) => c.vks === undefined && hasRow(vc, c))
  const published = [...(tkc ? [tkc.name] : []), ...classes]
  p.emit({
    sequence: 'supervisor-service',
    object: node.id,
    actor: LANES.wcpsvc,
    target: LANES.capi,
    action: 'service-ready',
    text: `VKS ${vksVersionOf(p.r, p.r.parentOfKind(node.id, 'supervisor')?.id ?? '') ?? version} runs on the control-plane VMs of ${svName} [D8-TKGS] with Cluster API and CAPV; it publishes ${published.length ? `ClusterClass ${published.join(', ')}${classes.length ? ' (builtin-generic classes in vmware-system-vks-public; the VKS-to-class pairing is unverified)' : ''}` : 'no ClusterClass this vCenter has'} and its Kubernetes releases (VKr) as the version catalogue.`,
    set: status(node.id, STATUS.running),
  })
}

/** The service namespace's network, as a namespace's (flows/namespace.ts); null when it fails. */
function serviceNetwork(p: Planner, node: Svc, scope: SvScope, namespace: string): string | null {
  const { stack } = scope
  const sv = scope.sv.id
  const mine = { namespace: `${node.id}/pool/namespace`, segment: `${node.id}/pool/segment` }
  const net = p.r.networkOf(sv)
  const netSpec = isKind(net, 'network') ? p.r.spec(net) : undefined
  const prefix = netSpec?.subnetPrefix ?? 28
  if (!stack.nsx) return poolIds(sv).namespaces
  if (stack.vpc) {
    const ok = createVpc(p, {
      objectId: node.id,
      sequence: 'supervisor-service',
      name: namespace,
      pools: mine,
      privateCidr: netSpec?.namespaceCidr ?? '',
      prefix,
      egressPool: poolIds(sv).egress,
      ...vpcNames(netSpec ?? {}),
    })
    return ok ? mine.segment : null
  }
  const l = ledger(p)
  createPool(l, mine.segment, segmentPool(poolIds(sv).namespaces, 2 ** (32 - prefix)))
  const snat = allocate(l, poolIds(sv).egress)
  const base = { sequence: 'supervisor-service' as const, object: node.id, actor: LANES.ncp }
  if (!snat) {
    const why = `the egress range has no address left for the SNAT IP of ${namespace}`
    p.emit({
      ...base,
      target: LANES.nsx,
      action: 'namespace-network',
      text: `NCP cannot finish the network of ${namespace}: ${why}.`,
      set: status(node.id, STATUS.failed, why),
      failure: { code: 'ip-exhausted', reason: why },
    })
    return null
  }
  p.emit({
    ...base,
    target: LANES.nsx,
    action: 'namespace-network',
    text: `NCP creates the Tier-1 gateway of ${namespace}, its segment carved in /${prefix} blocks from the namespace network, and SNAT IP ${snat.address} from the egress range, as for any namespace.`,
    set: [...l.changes, ...holdAddress(node.id, 'snat', poolIds(sv).egress, snat)],
  })
  return mine.segment
}

/** One job per replica of each component, numbered in order (replacements take the next number). */
function podJobs(
  owner: string,
  components: readonly ServiceComponent[],
  where: Pick<ServicePodJob, 'hostIds' | 'ipPool' | 'namespace' | 'serviceLabel'>,
): ServicePodJob[] {
  return components
    .flatMap((c) => Array.from({ length: c.replicas }, (_, i) => ({ c, i })))
    .map(({ c, i }, n) => ({
      id: `${owner}/${n}`,
      name: `${c.name}-${i + 1}`,
      owner,
      component: c,
      ...where,
    }))
}

/** The order services are installed in: the core VKS first (it comes with the Supervisor), then by id. */
export function servicesInOrder(r: Planner['r']): Svc[] {
  const all = r.ofKind('supervisor-service') as Svc[]
  const core = (n: Svc) => (SUPERVISOR_SERVICES[r.spec(n).service].core ? 0 : 1)
  return [...all].sort((a, b) => core(a) - core(b) || (a.id < b.id ? -1 : 1))
}
