import { status } from '../accounting'
import { allocate, blockPool, createPool, holdAddress, ledger, segmentPool } from '../addresses'
import { LANES } from '../lanes'
import type { Planner } from '../planner'
import type { Sequence } from '../types'

/** A namespace that gets a VPC of its own: a user's vSphere Namespace or a service's `svc-…` one. */
export interface VpcTarget {
  /** The object the step advances and that holds the SNAT IP. */
  objectId: string
  sequence: Sequence
  /** The Kubernetes namespace's name. */
  name: string
  /** Its address pools: the VPC's private CIDR cut into subnets, and the subnets it uses. */
  pools: { namespace: string; segment: string }
  privateCidr: string
  /** Prefix of the VPC's subnets (the network stack's subnetPrefix; /27 holds 32 addresses). */
  prefix: number
  /** Where the VPC's default SNAT IP comes from (the lab's egress range). */
  egressPool: string
  nsxProject: string
  connectivityProfile: string
}

/**
 * NSX VPC networking of a namespace (docs/platform-facts.md, "NSX VPC"): nsx-operator reads the
 * namespace's VPCNetworkConfiguration (NSX project, VPC connectivity profile, private IPs,
 * default subnet size 32) and creates its VPC; workloads get addresses from private subnets cut
 * from the private CIDR as they need them, and the VPC gets a default SNAT IP from an external
 * IP block (NetworkInfo `defaultSNATIP`). The private CIDR is private to each VPC, so two
 * namespaces may use the same addresses (**assumed** from the "Private" visibility; each VPC
 * gets pools of its own here). That the external block is the lab's egress range is assumed.
 * Returns false when the VPC cannot be finished (no SNAT address left).
 */
export function createVpc(p: Planner, t: VpcTarget): boolean {
  const base = { sequence: t.sequence, object: t.objectId, actor: LANES.nsxOperator, target: LANES.nsx }
  const l = ledger(p)
  createPool(l, t.pools.namespace, blockPool(t.privateCidr, t.prefix))
  createPool(l, t.pools.segment, segmentPool(t.pools.namespace, 2 ** (32 - t.prefix)))
  const snat = allocate(l, t.egressPool)
  if (!snat) {
    const why = `the external IP block (the egress range) has no address left for the default SNAT IP of ${t.name}'s VPC`
    p.emit({
      ...base,
      action: 'namespace-network',
      text: `nsx-operator cannot finish the VPC of ${t.name}: ${why}.`,
      set: status(t.objectId, 'Failed', why),
      failure: { code: 'ip-exhausted', reason: why },
    })
    return false
  }
  p.emit({
    ...base,
    action: 'namespace-network',
    text: `nsx-operator creates the VPC of ${t.name} in NSX project ${t.nsxProject} with VPC connectivity profile ${t.connectivityProfile} (its VPCNetworkConfiguration): private CIDR ${t.privateCidr}, private to this VPC, cut into /${t.prefix} subnets as workloads need them; the VPC's NSX load balancer (size SMALL); and the default SNAT IP ${snat.address} from the external IP block (the lab's egress range; assumed). No Tier-1 or NCP: the VPC gateway connects through the project's transit gateway (assumed).`,
    set: [...l.changes, ...holdAddress(t.objectId, 'snat', t.egressPool, snat)],
  })
  return true
}

/** The NSX project and connectivity profile as a sentence names them (NSX's defaults when empty). */
export function vpcNames(spec: {
  nsxProject?: string | undefined
  vpcConnectivityProfile?: string | undefined
}) {
  return {
    nsxProject: spec.nsxProject || 'default',
    connectivityProfile: spec.vpcConnectivityProfile || 'default',
  }
}
