import type { SpecOf } from '../domain/specs'
import type { VcenterApiShape } from '../domain/vcenter-api-shape'
import { cidrRange, ipv4Add, ipv4Cidr, workloadNetworkOf } from './ipv4'

/**
 * The body that enables a Supervisor, in the shape of the lab's vCenter version (DOMAIN.md 4a):
 * 7.0 `Clusters.EnableSpec`, 8.0 on `Supervisors.EnableOnComputeClusterSpec` or
 * `EnableOnZonesSpec`. Schemas: resources/vcenter-schemas. Values vCenter, NSX or the load
 * balancer hold (MoIDs, ids, credentials, certificates) are `<placeholders>` naming them.
 */

type Json = Record<string, unknown>
type NetworkSpec = SpecOf<'network'>

export interface EnableInput {
  shape: VcenterApiShape
  name: string
  supervisor: SpecOf<'supervisor'>
  network: NetworkSpec
  networkName: string
  /** Storage policy id (or its placeholder) for the control plane, ephemeral and image storage. */
  policy: string
  /** Names of the clusters, one per zone for a three-zone Supervisor. */
  clusters: readonly string[]
}

export const placeholder = (what: string) => `<${what}>`

/** File name under vcenter/, numbered in the order to send them. */
export const seqName = (seq: number, what: string) => `${String(seq).padStart(2, '0')}-${what}.json`

const SIZE = { tiny: 'TINY', small: 'SMALL', medium: 'MEDIUM', large: 'LARGE' } as const

/** The HAProxy appliance's data plane API listens on 5556 unless changed; NSX ALB's controller on 443. */
const HAPROXY_PORT = 5556
const AVI_PORT = 443

/** Five consecutive management addresses: three control-plane VMs, the floating IP, one spare for upgrades (DOMAIN.md 1.1). */
export const MANAGEMENT_ADDRESSES = 5
/** The floating IP is the fourth of the five (the lab's choice inside the range). */
export const floatingIp = (start: string) => ipv4Add(start, 3)

/** Name the enable request gives the primary workload network of a VDS Supervisor; namespaces list it. */
export const workloadNetworkName = (networkName: string) => `${networkName}-workload`

const lbCredentials = (what: string) => ({
  username: placeholder(`${what} user`),
  password: placeholder(`${what} password`),
  certificate_authority_chain: placeholder(`PEM certificate authority chain of the ${what}`),
})

const avi = (net: NetworkSpec) => net.loadBalancer === 'avi'

export function enableBody(input: EnableInput): Json {
  return input.shape.enable === 'clusters' ? clustersEnableSpec(input) : supervisorsEnableSpec(input)
}

/** vSphere 7.0: `POST .../clusters/{cluster}?action=enable` (no NSX VPC there: validate refuses it). */
function clustersEnableSpec({ supervisor, network: net, networkName, policy }: EnableInput): Json {
  const nsx = net.type !== 'vds'
  const start = net.managementStartIp
  const body: Json = {
    size_hint: SIZE[supervisor.size],
    network_provider: nsx ? 'NSXT_CONTAINER_PLUGIN' : 'VSPHERE_NETWORK',
    service_cidr: ipv4Cidr(net.serviceCidr),
    master_management_network: {
      mode: 'STATICRANGE',
      network: placeholder('management port group id (dvportgroup-...)'),
      address_range: {
        starting_address: start,
        address_count: MANAGEMENT_ADDRESSES,
        gateway: placeholder('management gateway'),
        subnet_mask: placeholder('management subnet mask'),
      },
      floating_IP: floatingIp(start),
    },
    master_storage_policy: policy,
    ephemeral_storage_policy: policy,
    image_storage: { storage_policy: policy },
  }
  if (nsx) {
    body.ncp_cluster_network_spec = {
      cluster_distributed_switch: placeholder('uuid of the NSX-backed VDS'),
      nsx_edge_cluster: placeholder(`NSX id of edge cluster ${net.edgeCluster}`),
      pod_cidrs: [ipv4Cidr(net.namespaceCidr)],
      ingress_cidrs: [ipv4Cidr(net.ingressCidr)],
      egress_cidrs: [ipv4Cidr(net.egressCidr)],
    }
    return body
  }
  const w = workloadNetworkOf(net.namespaceCidr)
  body.workload_networks_spec = {
    supervisor_primary_workload_network: {
      network: workloadNetworkName(networkName),
      network_provider: 'VSPHERE_NETWORK',
      vsphere_network: {
        portgroup: placeholder('workload port group id (dvportgroup-...)'),
        gateway: w.gateway,
        subnet_mask: w.mask,
        address_ranges: [w.nodes],
      },
    },
  }
  const what = avi(net) ? 'NSX Advanced Load Balancer controller' : 'HAProxy data plane API'
  body.load_balancer_config_spec = {
    id: `${networkName}-lb`,
    provider: avi(net) ? 'AVI' : 'HA_PROXY',
    address_ranges: [cidrRange(net.ingressCidr)],
    ...(avi(net)
      ? {
          avi_config_create_spec: {
            server: { host: placeholder(`${what} address`), port: AVI_PORT },
            ...lbCredentials(what),
          },
        }
      : {
          ha_proxy_config_create_spec: {
            servers: [{ host: placeholder(`${what} address`), port: HAPROXY_PORT }],
            ...lbCredentials(what),
          },
        }),
  }
  return body
}

/** vSphere 8.0 on: `POST .../supervisors/{cluster}?action=enable_on_compute_cluster` or `supervisors?action=enable_on_zones`. */
function supervisorsEnableSpec({
  shape,
  name,
  supervisor,
  network: net,
  networkName,
  policy,
  clusters,
}: EnableInput): Json {
  const start = net.managementStartIp
  const controlPlane: Json = {
    network: {
      backing: { backing: 'NETWORK', network: placeholder('management port group id (dvportgroup-...)') },
      ip_management: {
        dhcp_enabled: false,
        gateway_address: placeholder('management gateway/prefix'),
        ip_assignments: [{ assignee: 'NODE', ranges: [{ address: start, count: MANAGEMENT_ADDRESSES }] }],
      },
      floating_ip_address: floatingIp(start),
    },
    size: SIZE[supervisor.size],
    storage_policy: policy,
  }
  if (shape.controlPlaneCount) controlPlane.count = supervisor.controlPlaneCount
  const body: Json =
    supervisor.zones === 3 ? { zones: clusters.map((c) => placeholder(`vSphere zone of cluster ${c}`)) } : {}
  return {
    ...body,
    name,
    control_plane: controlPlane,
    workloads: {
      network: workloadNetwork(net, networkName),
      edge: edge(net),
      kube_api_server_options: {},
      storage: { ephemeral_storage_policy: policy, image_storage_policy: policy },
    },
  }
}

function workloadNetwork(net: NetworkSpec, networkName: string): Json {
  const services = { assignee: 'SERVICE', ranges: [cidrRange(net.serviceCidr)] }
  if (net.type === 'nsx-vpc') {
    // [API-90] VpcNetwork: project and connectivity profile default on NSX when left out.
    const vpc: Json = {}
    if (net.nsxProject) vpc.nsx_project = net.nsxProject
    if (net.vpcConnectivityProfile) vpc.vpc_connectivity_profile = net.vpcConnectivityProfile
    vpc.default_private_cidrs = [ipv4Cidr(net.namespaceCidr)]
    return { network_type: 'NSX_VPC', nsx_vpc: vpc, ip_management: { ip_assignments: [services] } }
  }
  if (net.type === 'nsx')
    return {
      network_type: 'NSXT',
      nsx: { dvs: placeholder('uuid of the NSX-backed VDS'), namespace_subnet_prefix: net.subnetPrefix },
      ip_management: {
        ip_assignments: [{ assignee: 'POD', ranges: [cidrRange(net.namespaceCidr)] }, services],
      },
    }
  const w = workloadNetworkOf(net.namespaceCidr)
  return {
    network: workloadNetworkName(networkName),
    network_type: 'VSPHERE',
    vsphere: { dvpg: placeholder('workload port group id (dvportgroup-...)') },
    ip_management: {
      dhcp_enabled: false,
      gateway_address: `${w.gateway}/${w.prefix}`,
      ip_assignments: [{ assignee: 'NODE', ranges: [w.nodes] }, services],
    },
  }
}

function edge(net: NetworkSpec): Json {
  // NSX_VPC: NSX's own edge, detected by the Supervisor (NSX_LB or NSX_REGISTERED_AVI), [API-90].
  if (net.type === 'nsx-vpc') return { provider: 'NSX_VPC' }
  const vips = [cidrRange(net.ingressCidr)]
  if (net.type === 'nsx')
    return {
      provider: 'NSX',
      nsx: {
        edge_cluster_ID: placeholder(`NSX id of edge cluster ${net.edgeCluster}`),
        t0_gateway: placeholder(`NSX id of tier-0 gateway ${net.t0Gateway}`),
        egress_ip_ranges: [cidrRange(net.egressCidr)],
      },
      load_balancer_address_ranges: vips,
    }
  if (avi(net)) {
    const what = 'NSX Advanced Load Balancer controller'
    return {
      provider: 'NSX_ADVANCED',
      nsx_advanced: {
        server: { host: placeholder(`${what} address`), port: AVI_PORT },
        ...lbCredentials(what),
      },
      load_balancer_address_ranges: vips,
    }
  }
  const what = 'HAProxy data plane API'
  return {
    provider: 'HAPROXY',
    haproxy: {
      servers: [{ host: placeholder(`${what} address`), port: HAPROXY_PORT }],
      ...lbCredentials(what),
    },
    load_balancer_address_ranges: vips,
  }
}
