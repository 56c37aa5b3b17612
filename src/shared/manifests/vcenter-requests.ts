import { defaultSpec, SPEC_SCHEMAS, type SpecOf } from '../domain/specs'
import type { LabNode } from '../domain/topology'
import {
  enablePath,
  namespaceBySupervisor,
  namespacePath,
  vcenterApiShape,
  type VcenterApiShape,
} from '../domain/vcenter-api-shape'
import { ipv4Cidr } from './ipv4'
import { slowestCoreMhz, type LabContext } from './lab-context'
import { enableBody, placeholder, seqName, workloadNetworkName } from './vcenter-enable'
import { serviceRequests } from './vcenter-services'

/**
 * The vSphere Automation API requests no Kubernetes manifest can express: enabling each
 * Supervisor and creating each vSphere Namespace (DOMAIN.md 2, 4a), in the API shape of the
 * lab's vCenter version (`vcenterApiShape`). Each names the schema in resources/vcenter-schemas
 * its body is checked against.
 */
export interface VcenterRequest {
  method: 'POST'
  path: string
  /** File name under vcenter/, numbered in the order to send them. */
  file: string
  body: Record<string, unknown>
  summary: string
  /** The body's JSON Schema, relative to resources/vcenter-schemas. */
  schema: string
  /** The lab node the request is made from. */
  nodeId: string
}

const DEFAULT_VERSION = '8.0U3'

function policyId(ctx: LabContext, name: string): string {
  const policy = ctx.ofKind('storage-policy').find((p) => p.name === name)
  const id = (policy?.spec as SpecOf<'storage-policy'> | undefined)?.policyId
  return id || placeholder(`id of storage policy ${name || '(none chosen)'}`)
}

/** The vCenter a Supervisor belongs to: the one holding its first cluster. */
function versionOf(ctx: LabContext, supervisor: LabNode): string {
  const cluster = ctx.clustersOf(supervisor)[0]
  const vc = cluster?.parentId ? ctx.index.byId.get(cluster.parentId) : undefined
  return vc?.kind === 'vcenter' ? (vc.spec as SpecOf<'vcenter'>).version : DEFAULT_VERSION
}

/** A network node's spec with its defaults; the defaults alone when the Supervisor names none. */
export function networkSpec(node: LabNode | undefined): SpecOf<'network'> {
  const parsed = SPEC_SCHEMAS.network.safeParse(node?.spec ?? {})
  return parsed.success ? parsed.data : defaultSpec('network')
}

export function enableSupervisorRequest(
  ctx: LabContext,
  supervisor: LabNode,
  shape: VcenterApiShape,
  seq: number,
): VcenterRequest {
  const spec = supervisor.spec as SpecOf<'supervisor'>
  const clusters = ctx.clustersOf(supervisor).map((c) => c.name)
  const networkNode = ctx.networkOf(supervisor)
  const body = enableBody({
    shape,
    name: supervisor.name,
    supervisor: spec,
    network: networkSpec(networkNode),
    networkName: networkNode?.name ?? spec.network,
    policy: policyId(ctx, spec.controlPlaneStoragePolicy),
    clusters,
  })
  const first = clusters[0] ?? '(not bound)'
  const clusterId = placeholder(`MoID of cluster ${first}`)
  const zones = shape.enable === 'supervisors' && spec.zones === 3
  const path = enablePath(shape, zones, clusterId)
  const schema =
    shape.enable === 'clusters'
      ? '7.0/clusters-enable-spec.json'
      : `${shape.schemaSet}/supervisors-enable-on-${zones ? 'zones' : 'compute-cluster'}-spec.json`
  return {
    method: 'POST',
    path,
    file: seqName(seq, `enable-supervisor-${supervisor.name}`),
    body,
    summary: zones
      ? `Enable Supervisor ${supervisor.name} on the three zones of ${clusters.join(', ')}`
      : `Enable Supervisor ${supervisor.name} on cluster ${first}`,
    schema,
    nodeId: supervisor.id,
  }
}

function resourceSpec(ctx: LabContext, spec: SpecOf<'namespace'>, cluster: LabNode | undefined) {
  const resource: Record<string, number> = {}
  if (spec.cpuLimitMhz !== undefined) resource.cpu_limit = spec.cpuLimitMhz
  if (spec.memoryLimitMiB !== undefined) resource.memory_limit = spec.memoryLimitMiB
  if (spec.storageLimitMiB !== undefined) resource.storage_request_limit = spec.storageLimitMiB
  const d = spec.containerDefaults
  // The API takes container CPU defaults in MHz; the lab keeps millicores (inferred conversion).
  const mhz = slowestCoreMhz(ctx, cluster) || 1000
  if (d.cpuRequest !== undefined) resource.cpu_request_default = Math.round((d.cpuRequest * mhz) / 1000)
  if (d.cpuLimit !== undefined) resource.cpu_limit_default = Math.round((d.cpuLimit * mhz) / 1000)
  if (d.memoryRequest !== undefined) resource.memory_request_default = d.memoryRequest
  if (d.memoryLimit !== undefined) resource.memory_limit_default = d.memoryLimit
  const c = spec.objectCounts
  if (c.pods !== undefined) resource.pod_count = c.pods
  if (c.services !== undefined) resource.service_count = c.services
  if (c.deployments !== undefined) resource.deployment_count = c.deployments
  if (c.persistentVolumeClaims !== undefined)
    resource.persistent_volume_claim_count = c.persistentVolumeClaims
  if (c.configMaps !== undefined) resource.config_map_count = c.configMaps
  if (c.secrets !== undefined) resource.secret_count = c.secrets
  return resource
}

/** The NSX override of the namespace network (CreateSpec.namespace_network), or null when none is set. */
function namespaceNetwork(spec: SpecOf<'namespace'>) {
  const o = spec.networkOverride
  if (!o || !(o.namespaceCidr || o.ingressCidr || o.egressCidr || o.t0Gateway)) return null
  const n: Record<string, unknown> = {}
  if (o.namespaceCidr) n.namespace_network_cidrs = [ipv4Cidr(o.namespaceCidr)]
  if (o.ingressCidr) n.ingress_cidrs = [ipv4Cidr(o.ingressCidr)]
  if (o.egressCidr) n.egress_cidrs = [ipv4Cidr(o.egressCidr)]
  if (o.t0Gateway) n.nsx_tier0_gateway = placeholder(`NSX id of tier-0 gateway ${o.t0Gateway}`)
  return { network_provider: 'NSXT_CONTAINER_PLUGIN', network: n }
}

/**
 * A VPC namespace's network ([API-90] NetworkConfigCreateSpec): the Supervisor creates one VPC
 * for it from the project and connectivity profile; the namespace CIDR override becomes its
 * private CIDRs, and the subnet prefix its default subnet size in addresses.
 */
function vpcNetworkSpec(spec: SpecOf<'namespace'>, net: SpecOf<'network'>) {
  const vpcNetwork: Record<string, unknown> = {}
  const own = spec.networkOverride?.namespaceCidr
  if (own) vpcNetwork.vpc_config = { private_cidrs: [ipv4Cidr(own)] }
  vpcNetwork.default_subnet_size = 2 ** (32 - net.subnetPrefix)
  return { network_provider: 'NSX_VPC', vpc_network: vpcNetwork }
}

export function createNamespaceRequest(
  ctx: LabContext,
  ns: LabNode,
  supervisor: LabNode,
  shape: VcenterApiShape,
  seq: number,
): VcenterRequest {
  const spec = ns.spec as SpecOf<'namespace'>
  const cluster = ctx.clustersOf(supervisor)[0]
  const networkNode = ctx.networkOf(supervisor)
  const netSpec = networkNode ? networkSpec(networkNode) : undefined
  const vds = netSpec?.type === 'vds'
  const vpc = netSpec?.type === 'nsx-vpc' && shape.schemaSet !== '7.0' && shape.schemaSet !== '8.0'
  const bySupervisor = namespaceBySupervisor(
    shape,
    (supervisor.spec as SpecOf<'supervisor'>).zones === 3,
    vpc,
  )
  const body: Record<string, unknown> = bySupervisor
    ? { supervisor: placeholder(`id of Supervisor ${supervisor.name}`) }
    : { cluster: placeholder(`MoID of cluster ${cluster?.name ?? '(not bound)'}`) }
  body.namespace = ns.name
  if (spec.description) body.description = spec.description
  body.resource_spec = resourceSpec(ctx, spec, cluster)
  body.access_list = spec.permissions.map((p) => ({
    subject_type: p.subjectType,
    subject: p.subject,
    domain: p.domain,
    role: p.role,
  }))
  body.storage_specs = spec.storage.map((s) =>
    s.limitMiB === undefined
      ? { policy: policyId(ctx, s.policy) }
      : { policy: policyId(ctx, s.policy), limit: s.limitMiB },
  )
  // On VDS a namespace joins workload networks by name; on NSX it gets its own segment.
  if (vds && networkNode) body.networks = [workloadNetworkName(networkNode.name)]
  if (spec.vmClasses.length || spec.contentLibraries.length)
    body.vm_service_spec = {
      vm_classes: spec.vmClasses,
      content_libraries: spec.contentLibraries.map((l) => placeholder(`id of content library ${l}`)),
    }
  const override = vds || vpc ? null : namespaceNetwork(spec)
  if (override) body.namespace_network = override
  if (vpc && netSpec) body.network_spec = vpcNetworkSpec(spec, netSpec)
  return {
    method: 'POST',
    path: namespacePath(bySupervisor),
    file: seqName(seq, `create-namespace-${ns.name}`),
    body,
    summary: `Create vSphere Namespace ${ns.name}`,
    schema: bySupervisor
      ? vpc
        ? '9.0/namespaces-instances-create-spec-v2.json'
        : 'namespaces-instances-create-spec-v2.json'
      : 'namespaces-instances-create-spec.json',
    nodeId: ns.id,
  }
}

/** Every request in the order to send them: each Supervisor, its services, then its namespaces. */
export function vcenterRequests(ctx: LabContext): VcenterRequest[] {
  const out: VcenterRequest[] = []
  const byName = (a: LabNode, b: LabNode) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0)
  for (const sv of ctx.ofKind('supervisor').sort(byName)) {
    const shape = vcenterApiShape(versionOf(ctx, sv))
    out.push(enableSupervisorRequest(ctx, sv, shape, out.length + 1))
    const services = (ctx.index.children.get(sv.id) ?? []).filter((n) => n.kind === 'supervisor-service')
    for (const svc of [...services].sort(byName))
      out.push(...serviceRequests(ctx, svc, sv, shape, out.length + 1))
    const namespaces = (ctx.index.children.get(sv.id) ?? []).filter((n) => n.kind === 'namespace')
    for (const ns of [...namespaces].sort(byName))
      out.push(createNamespaceRequest(ctx, ns, sv, shape, out.length + 1))
  }
  return out
}
