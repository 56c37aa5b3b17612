import { isKind, type ResolvedTopology } from '../domain/resolve'
import type { NodeId } from '../domain/topology'
import { LANES } from './lanes'

/**
 * What a Supervisor's networking is, as the step texts and lanes tell it (DOMAIN.md 1.1, 4a):
 * NSX (NCP drives NSX Manager: a Tier-1, segment, load balancer and SNAT IP per namespace), or
 * VDS, where workloads sit on a distributed port group and HAProxy or NSX Advanced Load
 * Balancer (Avi) gives the virtual IPs. Nothing on VDS mentions NCP, Tier-1s or segments.
 */
export interface NetworkStack {
  nsx: boolean
  lb: 'nsx' | 'haproxy' | 'avi'
  /** How the enable wizard names it. */
  label: string
  /** Who programs a virtual server: NCP on NSX, the load balancer itself on VDS. */
  lbActor: string
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
}

const NSX: NetworkStack = {
  nsx: true,
  lb: 'nsx',
  label: 'NSX',
  lbActor: LANES.ncp,
  lbTarget: LANES.nsx,
  lbName: "the namespace's NSX load balancer",
  vipRange: 'the ingress range',
  workloadNetwork: 'the namespace segment',
  nicTarget: LANES.ncp,
}

const HAPROXY: NetworkStack = {
  nsx: false,
  lb: 'haproxy',
  label: 'VDS with HAProxy',
  // The Supervisor's load balancer controller asks the load balancer (controller name unknown).
  lbActor: LANES.apiserver,
  lbTarget: LANES.haproxy,
  lbName: 'HAProxy',
  vipRange: "HAProxy's virtual IP range on the frontend network",
  workloadNetwork: 'the workload network (a distributed port group)',
  nicTarget: LANES.vcenter,
}

const AVI: NetworkStack = {
  ...HAPROXY,
  lb: 'avi',
  label: 'VDS with NSX Advanced Load Balancer',
  lbTarget: LANES.avi,
  lbName: 'NSX Advanced Load Balancer (Avi)',
  vipRange: "the Avi controller's VIP network",
}

/** The network stack of a Supervisor; NSX when it names none (its enable then fails). */
export function networkStackOf(r: ResolvedTopology, supervisorId: NodeId): NetworkStack {
  const net = r.networkOf(supervisorId)
  if (!isKind(net, 'network')) return NSX
  const spec = r.spec(net)
  if (spec.type === 'nsx')
    return spec.loadBalancer === 'avi'
      ? { ...NSX, lb: 'avi', lbTarget: LANES.avi, lbName: 'NSX Advanced Load Balancer (Avi)' }
      : NSX
  // VDS has no NSX load balancer: HAProxy unless Avi is chosen.
  return spec.loadBalancer === 'avi' ? AVI : HAPROXY
}
