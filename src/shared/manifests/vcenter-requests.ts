import type { LabNode } from '../domain/topology'
import type { SpecOf } from '../domain/specs'
import { slowestCoreMhz, type LabContext } from './lab-context'

/**
 * The vSphere Automation API requests no Kubernetes manifest can express: enabling the
 * Supervisor (EnableOnComputeClusterSpec, 8.0U1+, DOMAIN.md 4a) and creating each vSphere
 * Namespace (DOMAIN.md 2). Values vCenter assigns (MoIDs, DVS and edge cluster ids) are written
 * as `<placeholder>`s naming what to look up, since the lab cannot know them.
 */
export interface VcenterRequest {
  method: 'POST'
  path: string
  /** File name under vcenter/, numbered in the order to send them. */
  file: string
  body: Record<string, unknown>
  summary: string
}

const SIZE = { tiny: 'TINY', small: 'SMALL', medium: 'MEDIUM', large: 'LARGE' } as const

const placeholder = (what: string) => `<${what}>`

function policyId(ctx: LabContext, name: string): string {
  const policy = ctx.ofKind('storage-policy').find((p) => p.name === name)
  const id = (policy?.spec as SpecOf<'storage-policy'> | undefined)?.policyId
  return id || placeholder(`id of storage policy ${name || '(none chosen)'}`)
}

function ipv4Add(ip: string, n: number): string {
  const parts = ip.split('.').map(Number)
  const value =
    ((parts[0] ?? 0) * 2 ** 24 +
      (parts[1] ?? 0) * 2 ** 16 +
      (parts[2] ?? 0) * 2 ** 8 +
      (parts[3] ?? 0) +
      n) >>>
    0
  return [value >>> 24, (value >>> 16) & 255, (value >>> 8) & 255, value & 255].join('.')
}

function ipv4Cidr(cidr: string): { address: string; prefix: number } {
  const [address = '0.0.0.0', prefix = '32'] = cidr.split('/')
  return { address, prefix: Number(prefix) }
}

function cidrRange(cidr: string): { address: string; count: number } {
  const [address = '0.0.0.0', prefix = '32'] = cidr.split('/')
  return { address, count: 2 ** (32 - Number(prefix)) }
}

export function enableSupervisorRequest(ctx: LabContext, supervisor: LabNode, seq: number): VcenterRequest {
  const spec = supervisor.spec as SpecOf<'supervisor'>
  const cluster = ctx.clustersOf(supervisor)[0]
  const networkNode = ctx.networkOf(supervisor)
  const net = (networkNode?.spec ?? {}) as Partial<SpecOf<'network'>>
  const start = net.managementStartIp ?? '10.10.0.10'
  const nsx = (net.type ?? 'nsx') === 'nsx'
  const policy = policyId(ctx, spec.controlPlaneStoragePolicy)
  const edge = nsx
    ? {
        provider: 'NSX',
        nsx: {
          edge_cluster_id: placeholder(`NSX id of edge cluster ${net.edgeCluster ?? ''}`),
          t0_gateway: placeholder(`NSX id of tier-0 gateway ${net.t0Gateway ?? ''}`),
          egress_ip_ranges: [cidrRange(net.egressCidr ?? '10.30.0.0/27')],
          load_balancer_size: 'SMALL',
        },
        load_balancer_address_ranges: [cidrRange(net.ingressCidr ?? '10.20.0.0/24')],
      }
    : {
        provider: net.loadBalancer === 'avi' ? 'NSX_ADVANCED' : 'HAPROXY',
        load_balancer_address_ranges: [cidrRange(net.ingressCidr ?? '10.20.0.0/24')],
      }
  const body = {
    name: supervisor.name,
    control_plane: {
      network: {
        backing: { backing: 'NETWORK', network: placeholder('management port group id (dvportgroup-...)') },
        ip_management: {
          dhcp_enabled: false,
          gateway_address: placeholder('management gateway/prefix'),
          ip_assignments: [{ assignee: 'NODE', ranges: [{ address: start, count: 5 }] }],
        },
        floating_ip_address: ipv4Add(start, 5),
      },
      size: SIZE[spec.size],
      storage_policy: policy,
      count: spec.controlPlaneCount,
    },
    workloads: {
      network: nsx
        ? {
            network_type: 'NSXT',
            nsx: {
              dvs: placeholder('uuid of the NSX-backed VDS'),
              namespace_subnet_prefix: net.subnetPrefix ?? 28,
            },
            ip_management: {
              ip_assignments: [
                { assignee: 'POD', ranges: [cidrRange(net.namespaceCidr ?? '10.244.0.0/20')] },
              ],
            },
          }
        : { network_type: 'VSPHERE', vsphere: { dvpg: placeholder('workload port group id') } },
      edge,
      kube_api_server_options: {},
      storage: { ephemeral_storage_policy: policy, image_storage_policy: policy },
    },
  }
  const clusterId = placeholder(`MoID of cluster ${cluster?.name ?? '(not bound)'}`)
  return {
    method: 'POST',
    path: `/api/vcenter/namespace-management/supervisors/${clusterId}?action=enable_on_compute_cluster`,
    file: `${String(seq).padStart(2, '0')}-enable-supervisor-${supervisor.name}.json`,
    body,
    summary: `Enable Supervisor ${supervisor.name} on cluster ${cluster?.name ?? '(not bound)'}`,
  }
}

export function createNamespaceRequest(ctx: LabContext, ns: LabNode, seq: number): VcenterRequest {
  const spec = ns.spec as SpecOf<'namespace'>
  const supervisor = ns.parentId === null ? undefined : ctx.index.byId.get(ns.parentId)
  const cluster = supervisor ? ctx.clustersOf(supervisor)[0] : undefined
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
  const body: Record<string, unknown> = {
    cluster: placeholder(`MoID of cluster ${cluster?.name ?? '(not bound)'}`),
    namespace: ns.name,
  }
  if (spec.description) body.description = spec.description
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
  body.resource_spec = resource
  if (spec.vmClasses.length || spec.contentLibraries.length)
    body.vm_service_spec = {
      vm_classes: spec.vmClasses,
      content_libraries: spec.contentLibraries.map((l) => placeholder(`id of content library ${l}`)),
    }
  const o = spec.networkOverride
  if (o && (o.namespaceCidr || o.ingressCidr || o.egressCidr || o.t0Gateway)) {
    const n: Record<string, unknown> = {}
    if (o.namespaceCidr) n.namespace_network_cidrs = [ipv4Cidr(o.namespaceCidr)]
    if (o.ingressCidr) n.ingress_cidrs = [ipv4Cidr(o.ingressCidr)]
    if (o.egressCidr) n.egress_cidrs = [ipv4Cidr(o.egressCidr)]
    if (o.t0Gateway) n.nsx_tier0_gateway = placeholder(`NSX id of tier-0 gateway ${o.t0Gateway}`)
    body.networks = [
      { network: `${ns.name}-network`, network_provider: 'NSXT_CONTAINER_PLUGIN', nsx_network: n },
    ]
  }
  return {
    method: 'POST',
    path: '/api/vcenter/namespaces/instances',
    file: `${String(seq).padStart(2, '0')}-create-namespace-${ns.name}.json`,
    body,
    summary: `Create vSphere Namespace ${ns.name}`,
  }
}

/** Every request in the order to send them: each Supervisor, then its namespaces. */
export function vcenterRequests(ctx: LabContext): VcenterRequest[] {
  const out: VcenterRequest[] = []
  const supervisors = ctx.ofKind('supervisor').sort((a, b) => (a.name < b.name ? -1 : 1))
  for (const sv of supervisors) {
    out.push(enableSupervisorRequest(ctx, sv, out.length + 1))
    const namespaces = (ctx.index.children.get(sv.id) ?? []).filter((n) => n.kind === 'namespace')
    for (const ns of [...namespaces].sort((a, b) => (a.name < b.name ? -1 : 1)))
      out.push(createNamespaceRequest(ctx, ns, out.length + 1))
  }
  return out
}
