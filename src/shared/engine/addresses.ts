import { parseCidr } from '../domain/cidr'
import type { StateReader } from './accounting'
import type { Change } from './planner'
import type { Scalar } from './types'

/**
 * IP address allocators (DOMAIN.md 6.3). A pool hands out numbered items and takes them back:
 * an item is never handed out twice while held, and a released one is handed out again before
 * new ones (last released first). State lives in the pool's record, so every allocation and
 * release is an exact, reversible effect:
 *
 * - `next`: the first item never handed out; `free` and `f:<i>`: the free list (head, links);
 *   `used`: how many are held; `capacity`: how many there are. An item below `next` and not in
 *   the free list is held by the one object that records its address, which gives it back
 *   once: its fields are cleared as it does. (No per-item owner record: a 10,000-pod state would
 *   carry 10,000 more keys, and copying states for seeks would slow down.)
 * - A **range** pool numbers addresses (or blocks) from `first` in steps of `stride`.
 * - A **segment** pool (a namespace's NSX segment) has no range of its own: it takes blocks
 *   (`b:<k>`) from its `parent` range pool as it grows, `perBlock` addresses in each (DOMAIN.md 1.1:
 *   /28 blocks from the namespace network). Addresses of a block skip its network and gateway
 *   addresses and leave its broadcast address (3 lost per block, assumed).
 *
 * Several allocations and releases may touch one pool in one step: they go through a Ledger,
 * which reads its own writes.
 */

/** Reads through pending writes; `changes` are the writes, one per field, in first-write order. */
export class Ledger {
  // Per pool, then per key: no key string is built per read (reads are many on a 10,000-pod run).
  private readonly writes = new Map<string, Map<string, Scalar | null>>()
  private readonly order: (readonly [string, string])[] = []
  constructor(private readonly p: StateReader) {}
  get(pool: string, key: string): Scalar | null {
    const v = this.writes.get(pool)?.get(key)
    return v !== undefined ? v : this.p.get('pools', pool, key)
  }
  num(pool: string, key: string): number {
    return Number(this.get(pool, key) ?? 0)
  }
  set(pool: string, key: string, value: Scalar | null): void {
    let w = this.writes.get(pool)
    if (w === undefined) this.writes.set(pool, (w = new Map<string, Scalar | null>()))
    if (!w.has(key)) this.order.push([pool, key])
    w.set(key, value)
  }
  /** Removes every field of a pool, pending ones included. */
  clear(pool: string): void {
    for (const key of Object.keys(this.p.state.pools[pool] ?? {})) this.set(pool, key, null)
    const w = this.writes.get(pool)
    if (w) for (const key of w.keys()) w.set(key, null)
  }
  get changes(): Change[] {
    return this.order.map(([pool, key]) => ['pools', pool, key, this.writes.get(pool)!.get(key)!] as const)
  }
}

export const ledger = (p: StateReader) => new Ledger(p)

/** Dotted quad of an address number. */
export const ipString = (v: number) => `${v >>> 24}.${(v >>> 16) & 255}.${(v >>> 8) & 255}.${v & 255}`

/** The number of a dotted-quad address, or null. */
export function ipNumber(ip: string): number | null {
  const m = /^(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})$/.exec(ip)
  if (!m || m.slice(1).some((x) => Number(x) > 255)) return null
  return m.slice(1, 5).reduce((a, x) => a * 256 + Number(x), 0)
}

/**
 * A range pool's record: every address of a CIDR but its network and broadcast addresses, and
 * its gateway (the first address) when `gateway` (a workload network, assumed).
 */
export function rangePool(cidr: string, gateway = false): Record<string, Scalar> {
  const r = parseCidr(cidr)
  const skip = gateway ? 2 : 1
  return {
    kind: 'range',
    cidr,
    first: r ? r.start + skip : 0,
    stride: 1,
    capacity: r ? Math.max(0, r.size - skip - 1) : 0,
  }
}

/** A block pool: the CIDR cut into /`prefix` blocks, each item one block (the namespace network). */
export function blockPool(cidr: string, prefix: number): Record<string, Scalar> {
  const r = parseCidr(cidr)
  const stride = 2 ** (32 - prefix)
  return {
    kind: 'range',
    cidr,
    first: r ? r.start : 0,
    stride,
    capacity: r && prefix >= r.prefix ? r.size / stride : 0,
  }
}

/** A namespace segment: addresses from blocks of `parent` (a block pool of `blockSize`). */
export function segmentPool(parent: string, blockSize: number): Record<string, Scalar> {
  return { kind: 'segment', parent, perBlock: Math.max(0, blockSize - 3), capacity: 0 }
}

/** `count` consecutive addresses from `start` (the management network's five). */
export function consecutivePool(start: string, count: number): Record<string, Scalar> {
  return {
    kind: 'range',
    cidr: `${start} +${count}`,
    first: ipNumber(start) ?? 0,
    stride: 1,
    capacity: count,
  }
}

/** Creates a pool with `record` in the ledger (an injected exhaustion stays). */
export function createPool(l: Ledger, poolId: string, record: Record<string, Scalar>): void {
  for (const k of Object.keys(record)) l.set(poolId, k, record[k]!)
  l.set(poolId, 'used', 0)
}

export interface Allocation {
  index: number
  address: string
}

/** The address of item `index` of a pool, as the ledger sees it. */
function addressOf(l: Ledger, poolId: string, index: number): string {
  if (l.get(poolId, 'kind') === 'segment') {
    const per = l.num(poolId, 'perBlock')
    const parent = String(l.get(poolId, 'parent'))
    const block = l.num(poolId, `b:${Math.floor(index / per)}`)
    // Skip the block's network and gateway addresses.
    return ipString(l.num(parent, 'first') + block * l.num(parent, 'stride') + 2 + (index % per))
  }
  return ipString(l.num(poolId, 'first') + index * Math.max(1, l.num(poolId, 'stride')))
}

/** Hands an item of `poolId` out, or returns null when the pool is exhausted. */
export function allocate(l: Ledger, poolId: string): Allocation | null {
  if (l.get(poolId, 'kind') === null) upgrade(l, poolId)
  if (l.get(poolId, 'exhausted') === true || l.get(poolId, 'kind') === null) return null
  const head = l.get(poolId, 'free')
  let index: number
  if (typeof head === 'number') {
    index = head
    l.set(poolId, 'free', l.get(poolId, `f:${head}`))
    l.set(poolId, `f:${head}`, null)
  } else {
    index = l.num(poolId, 'next')
    if (index >= l.num(poolId, 'capacity') && !grow(l, poolId)) return null
    l.set(poolId, 'next', index + 1)
  }
  l.set(poolId, 'used', l.num(poolId, 'used') + 1)
  return { index, address: addressOf(l, poolId, index) }
}

/** A pool recorded by an earlier version (a counter over a CIDR) becomes a range pool. */
function upgrade(l: Ledger, poolId: string): void {
  const cidr = l.get(poolId, 'cidr')
  if (typeof cidr !== 'string') return
  const record = rangePool(cidr)
  for (const key of Object.keys(record)) if (key !== 'capacity') l.set(poolId, key, record[key]!)
  l.set(poolId, 'next', l.num(poolId, 'used'))
}

/** A segment takes one more block from its parent; false when it cannot. */
function grow(l: Ledger, poolId: string): boolean {
  if (l.get(poolId, 'kind') !== 'segment') return false
  const per = l.num(poolId, 'perBlock')
  const parent = String(l.get(poolId, 'parent'))
  if (per <= 0) return false
  const block = allocate(l, parent)
  if (!block) return false
  const blocks = l.num(poolId, 'blocks')
  l.set(poolId, `b:${blocks}`, block.index)
  l.set(poolId, 'blocks', blocks + 1)
  l.set(poolId, 'capacity', (blocks + 1) * per)
  return true
}

/** Takes item `index` back into the free list. */
export function releaseItem(l: Ledger, poolId: string, index: number): void {
  l.set(poolId, `f:${index}`, l.get(poolId, 'free'))
  l.set(poolId, 'free', index)
  l.set(poolId, 'used', l.num(poolId, 'used') - 1)
}

/** Gives a segment's blocks back to its parent and removes the pool (the namespace is gone). */
export function dissolveSegment(l: Ledger, p: StateReader, poolId: string): void {
  const rec = p.state.pools[poolId]
  if (!rec) return
  if (rec['kind'] === 'segment') {
    const parent = String(rec['parent'])
    for (let k = 0; k < Number(rec['blocks'] ?? 0); k++) releaseItem(l, parent, Number(rec[`b:${k}`]))
  }
  l.clear(poolId)
}

/** Fields an object holds an address in, each with the field that names its pool. */
const POOL_FIELD = {
  ip: 'ipPool',
  vip: 'vipPool',
  snat: 'snatPool',
  floatingIp: 'floatingIpPool',
  spareIp: 'spareIpPool',
} as const
export type AddressField = keyof typeof POOL_FIELD
// Keys are these literals, never built strings: a state record is read and written by them on
// every step, and a built key costs V8 a string-table lookup each time (seeks were 1.7x slower).

/**
 * An address held by an object, recorded on it as `<field>` (the address) and `<field>Pool`;
 * releasing finds its item again from the address, so the object carries no more than that.
 */
export function holdAddress(objectId: string, field: AddressField, poolId: string, a: Allocation): Change[] {
  return [
    ['objects', objectId, field, a.address],
    ['objects', objectId, POOL_FIELD[field], poolId],
  ]
}

/** The item of `poolId` an address is, or null when it is none of the pool's. */
function itemOf(l: Ledger, poolId: string, address: string): number | null {
  const ip = ipNumber(address)
  if (ip === null) return null
  if (l.get(poolId, 'kind') === 'segment') {
    const per = l.num(poolId, 'perBlock')
    const parent = String(l.get(poolId, 'parent'))
    const stride = l.num(parent, 'stride')
    const block = Math.floor((ip - l.num(parent, 'first')) / stride)
    for (let k = 0; k < l.num(poolId, 'blocks'); k++)
      if (l.num(poolId, `b:${k}`) === block)
        return k * per + (ip - l.num(parent, 'first') - block * stride - 2)
    return null
  }
  const offset = ip - l.num(poolId, 'first')
  const stride = Math.max(1, l.num(poolId, 'stride'))
  return offset >= 0 && offset % stride === 0 ? offset / stride : null
}

/** Releases the address `objectId` holds as `field` into the ledger; the object's fields are cleared. */
export function releaseAddress(l: Ledger, p: StateReader, objectId: string, field: AddressField): Change[] {
  const pool = p.get('objects', objectId, POOL_FIELD[field])
  if (typeof pool !== 'string') return []
  const index = itemOf(l, pool, String(p.get('objects', objectId, field) ?? ''))
  if (index !== null && l.get(pool, 'kind') !== null) releaseItem(l, pool, index)
  // Held before addresses were numbered: only the count can be given back.
  else l.set(pool, 'used', Math.max(0, l.num(pool, 'used') - 1))
  return [
    ['objects', objectId, field, null],
    ['objects', objectId, POOL_FIELD[field], null],
  ]
}
