import { isKind, type ResolvedTopology } from '../domain/resolve'
import type { NodeId } from '../domain/topology'
import { LANES } from './lanes'

/**
 * What a Supervisor's networking is, as the step texts and lanes tell it (DOMAIN.md 1.1, 4a):
 * NSX (NCP drives NSX Manager: a Tier-1, segment, load balancer and SNAT IP per namespace),
 * NSX VPC (VCF 9: nsx-operator gives each namespace a VPC of its own, docs/platform-facts.md),
 * or VDS, where workloads sit on a distributed port group and HAProxy or NSX Advanced Load
 * Balancer (Avi) gives the virtual IPs. Nothing on VDS mentions NCP, Tier-1s or segments, and
 * nothing on NSX VPC mentions NCP or a Tier-1.
 */
export interface NetworkStack {
  /** NSX networking of either kind (segments or VPC subnets, SNAT, vSphere Pods). */
  nsx: boolean
  /** NSX VPC: a VPC per namespace, addresses private to it. */
  vpc: boolean
  lb: 'nsx' | 'haproxy' | 'avi'
  /** How the enable wizard names it. */
  label: string
  /** Who programs a virtual server: NCP or nsx-operator on NSX, the load balancer itself on VDS. */
  lbActor: string
  /** The same, in a sentence: "NCP", "nsx-operator", "HAProxy". */
  lbWho: string
  /** Where a virtual server is created: NSX Manager, HAProxy or the Avi controller. */
  lbTarget: string
  /** The load balancer in a sentence. */
  lbName: string
  /** Where virtual IPs come from, in a sentence. */
  vipRange: string
  /** Where workload addresses come from, in a sentence. */
  workloadNetwork: string
  /** Who gives a VM Service VM or node its network interface (after VM Operator asks). */
  nicTarget: string
  /** What a VM's network interface attaches to, in a sentence (its vm-operator network kind). */
  vmNic: string
}

const NSX: NetworkStack = {
  nsx: true,
  vpc: false,
  lb: 'nsx',
  label: 'NSX',
  lbActor: LANES.ncp,
  lbWho: 'NCP',
  lbTarget: LANES.nsx,
  lbName: "the namespace's NSX load balancer",
  vipRange: 'the ingress range',
  workloadNetwork: 'the namespace segment',
  nicTarget: LANES.ncp,
  vmNic: 'the namespace segment (an NSX VirtualNetwork that NCP realises)',
}

/**
 * NSX VPC (docs/platform-facts.md, "NSX VPC"): nsx-operator realises a namespace's VPC, its
 * subnets and subnet ports. Who programs a LoadBalancer Service's virtual server in VPC mode is
 * not read (nsx-operator is assumed), nor that the connectivity profile's external IP block is
 * the lab's ingress range.
 */
const VPC: NetworkStack = {
  nsx: true,
  vpc: true,
  lb: 'nsx',
  label: 'NSX VPC',
  lbActor: LANES.nsxOperator,
  lbWho: 'nsx-operator',
  lbTarget: LANES.nsx,
  lbName: "the VPC's NSX load balancer",
  vipRange: "the VPC connectivity profile's external IP block (the lab's ingress range; assumed)",
  workloadNetwork: "a private subnet of the namespace's VPC",
  nicTarget: LANES.nsxOperator,
  vmNic:
    "a private subnet of the namespace's VPC (network kind SubnetSet; nsx-operator creates its SubnetPort)",
}

const HAPROXY: NetworkStack = {
  nsx: false,
  vpc: false,
  lb: 'haproxy',
  label: 'VDS with HAProxy',
  // The Supervisor's load balancer controller asks the load balancer (controller name unknown).
  lbActor: LANES.apiserver,
  lbWho: 'HAProxy',
  lbTarget: LANES.haproxy,
  lbName: 'HAProxy',
  vipRange: "HAProxy's virtual IP range on the frontend network",
  workloadNetwork: 'the workload network (a distributed port group)',
  nicTarget: LANES.vcenter,
  vmNic: 'the workload network (a vSphere Network: a distributed port group)',
}

const AVI_NAME = 'NSX Advanced Load Balancer (Avi)'

const AVI: NetworkStack = {
  ...HAPROXY,
  lb: 'avi',
  label: 'VDS with NSX Advanced Load Balancer',
  lbWho: AVI_NAME,
  lbTarget: LANES.avi,
  lbName: AVI_NAME,
  vipRange: "the Avi controller's VIP network",
}

/** The network stack of a Supervisor; NSX when it names none (its enable then fails). */
export function networkStackOf(r: ResolvedTopology, supervisorId: NodeId): NetworkStack {
  const net = r.networkOf(supervisorId)
  if (!isKind(net, 'network')) return NSX
  const spec = r.spec(net)
  const withAvi = (s: NetworkStack): NetworkStack => ({
    ...s,
    lb: 'avi',
    lbTarget: LANES.avi,
    lbName: s.vpc ? 'the Avi load balancer registered with NSX' : AVI_NAME,
  })
  if (spec.type === 'nsx') return spec.loadBalancer === 'avi' ? withAvi(NSX) : NSX
  if (spec.type === 'nsx-vpc') return spec.loadBalancer === 'avi' ? withAvi(VPC) : VPC
  // VDS has no NSX load balancer: HAProxy unless Avi is chosen.
  return spec.loadBalancer === 'avi' ? AVI : HAPROXY
}
