/** IPv4 CIDR arithmetic for overlap checks and IP pools; integers only. */

export interface CidrRange {
  /** First address as an unsigned 32-bit number. */
  start: number
  /** Number of addresses. */
  size: number
  prefix: number
}

/** Parses `a.b.c.d/p`, or returns null when it is not a valid IPv4 CIDR. */
export function parseCidr(cidr: string): CidrRange | null {
  const m = /^(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})\/(\d{1,2})$/.exec(cidr)
  if (!m) return null
  const parts = m.slice(1, 5).map(Number)
  const prefix = Number(m[5])
  if (prefix > 32 || parts.some((p) => p > 255)) return null
  const address = parts.reduce((acc, p) => acc * 256 + p, 0)
  const size = 2 ** (32 - prefix)
  return { start: address - (address % size), size, prefix }
}

/** True when the two ranges share an address. */
export function cidrsOverlap(a: CidrRange, b: CidrRange): boolean {
  return a.start < b.start + b.size && b.start < a.start + a.size
}
