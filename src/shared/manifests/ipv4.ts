import { parseCidr } from '../domain/cidr'

/** IPv4 values as the vSphere Automation API takes them: addresses, {address, prefix}, {address, count}. */

export const formatIpv4 = (n: number) => [n >>> 24, (n >>> 16) & 255, (n >>> 8) & 255, n & 255].join('.')

export function parseIpv4(ip: string): number {
  return ip.split('.').reduce((acc, p) => acc * 256 + (Number(p) || 0), 0) >>> 0
}

/** The address `n` after `ip`. */
export const ipv4Add = (ip: string, n: number) => formatIpv4((parseIpv4(ip) + n) >>> 0)

/** A CIDR as {address, prefix} (the API's Ipv4Cidr). */
export function ipv4Cidr(cidr: string): { address: string; prefix: number } {
  const range = parseCidr(cidr)
  return range
    ? { address: formatIpv4(range.start), prefix: range.prefix }
    : { address: '0.0.0.0', prefix: 32 }
}

/** A CIDR as one {address, count} range (the API's IPRange) covering all of it. */
export function cidrRange(cidr: string): { address: string; count: number } {
  const range = parseCidr(cidr)
  return range ? { address: formatIpv4(range.start), count: range.size } : { address: '0.0.0.0', count: 1 }
}

/** The dotted subnet mask of a prefix length: 20 gives 255.255.240.0. */
export const subnetMask = (prefix: number) =>
  formatIpv4(prefix === 0 ? 0 : (0xffffffff << (32 - prefix)) >>> 0)

/**
 * A VDS workload network carved from a CIDR (the lab's choice, said in vcenter/README.txt):
 * the gateway on the first host address, the nodes on the rest up to the broadcast address.
 */
export function workloadNetworkOf(cidr: string) {
  const range = parseCidr(cidr) ?? { start: 0, size: 4, prefix: 30 }
  return {
    gateway: formatIpv4(range.start + 1),
    prefix: range.prefix,
    mask: subnetMask(range.prefix),
    nodes: { address: formatIpv4(range.start + 2), count: Math.max(range.size - 3, 1) },
  }
}
