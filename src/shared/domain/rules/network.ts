import { parseCidr } from '../cidr'
import { isKind, type ResolvedTopology } from '../resolve'
import type { LabNode } from '../topology'
import { refusal, type Refusal } from './refusal'

type Of<K extends LabNode['kind']> = LabNode & { kind: K }

/**
 * Load balancers each network stack takes (DOMAIN.md 1.1; [API-90] EdgeProvider): VDS takes
 * HAProxy or NSX Advanced LB; NSX its own load balancer; NSX VPC the NSX load balancer
 * (NSX_LB) or the Avi load balancer registered with NSX (NSX_REGISTERED_AVI).
 */
export const LOAD_BALANCERS = {
  nsx: ['nsx'],
  vds: ['haproxy', 'avi'],
  'nsx-vpc': ['nsx', 'avi'],
} as const

const LB_LABEL = { nsx: "NSX's load balancer", haproxy: 'HAProxy', avi: 'NSX Advanced Load Balancer (Avi)' }
const STACK_LABEL = { nsx: 'NSX', vds: 'VDS', 'nsx-vpc': 'NSX VPC' }

/**
 * "You must set at least one CIDR of size 16 or larger to enable a Supervisor with VPC
 * networking" ([API-90] VpcNetwork.default_private_cidrs). The lab reads size as a count of
 * addresses (the same text asks Avi for "another CIDR of size 64"), so /28 or larger; that
 * reading is unverified.
 */
export const VPC_MIN_PRIVATE_ADDRESSES = 16

/** The network stack and its load balancer must exist and go together (DOMAIN.md 1.1, 4a). */
export function networkRefusals(r: ResolvedTopology, sv: Of<'supervisor'>): Refusal[] {
  const net = r.networkOf(sv.id)
  const name = r.spec(sv).network
  if (!isKind(net, 'network'))
    return [
      refusal(
        'network-missing',
        'wcpsvc',
        name === ''
          ? `Supervisor "${sv.name}" names no network stack`
          : `Supervisor "${sv.name}" names network "${name}", which is not in the lab`,
        'Add an NSX, NSX VPC or VDS network stack to the vCenter and name it in the Supervisor',
      ),
    ]
  const s = r.spec(net)
  const out: Refusal[] = []
  const allowed: readonly string[] = LOAD_BALANCERS[s.type]
  if (!allowed.includes(s.loadBalancer))
    out.push({
      ...refusal(
        'load-balancer-mismatch',
        'wcpsvc',
        `Network "${net.name}" is ${STACK_LABEL[s.type]} with ${LB_LABEL[s.loadBalancer]}; ${STACK_LABEL[s.type]} networking takes ${LOAD_BALANCERS[s.type].map((lb) => LB_LABEL[lb]).join(' or ')}`,
        `Set the load balancer to ${LOAD_BALANCERS[s.type].join(' or ')}`,
      ),
      objectId: net.id,
    })
  const range = parseCidr(s.namespaceCidr)
  if (s.type === 'nsx-vpc' && range && range.size < VPC_MIN_PRIVATE_ADDRESSES)
    out.push({
      ...refusal(
        'vpc-private-cidr-too-small',
        'wcpsvc',
        `Network "${net.name}" gives the VPCs the private CIDR ${s.namespaceCidr} (${range.size} addresses); enabling a Supervisor on NSX VPC needs one of at least ${VPC_MIN_PRIVATE_ADDRESSES} (the API's "size 16 or larger", read as addresses: unverified)`,
        'Use a private CIDR of /28 or larger',
      ),
      objectId: net.id,
    })
  return out
}
