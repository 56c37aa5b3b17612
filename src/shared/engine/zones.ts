import type { Change, Planner } from './planner'
import type { NsScope } from './scope'

/**
 * A namespace's resource pools, one per zone (DOMAIN.md 1.2 [D8-NS]): on a three-zone
 * Supervisor each zone's pool gets the namespace's CPU and memory limits in equal parts
 * (300 MHz becomes 100 MHz each; a remainder is dropped, assumed). On one zone the one pool
 * has the whole limit. Reservations placed in a zone count against that zone's pool only.
 */
export type PoolResource = 'cpuMhz' | 'memoryMiB'
export const RESOURCES: readonly PoolResource[] = ['cpuMhz', 'memoryMiB']

export const poolLimitKey = (zone: string, res: PoolResource) => `rpLimit:${zone}:${res}`
export const poolUsedKey = (zone: string, res: PoolResource) => `rp:${zone}:${res}`

/** The share of `limit` each of `zones` zone pools gets. */
export const zoneShare = (limit: number, zones: number) => Math.floor(limit / Math.max(1, zones))

/** Limits of each zone pool for a namespace limit (`undefined`: unlimited, the key removed). */
export function zoneLimitChanges(
  nsId: string,
  zones: readonly { id: string }[],
  res: PoolResource,
  limit: number | undefined,
): Change[] {
  return zones.map(
    (z) =>
      [
        'namespaces',
        nsId,
        poolLimitKey(z.id, res),
        limit === undefined ? null : zoneShare(limit, zones.length),
      ] as const,
  )
}

/**
 * Why each zone's pool cannot take a reservation, by host of that zone; zones that can take
 * it have no entry. An empty map means every zone can.
 */
export function fullZones(
  p: Planner,
  scope: NsScope,
  want: Readonly<Record<PoolResource, number>>,
): { byHost: Map<string, string>; reasons: string[] } {
  const byHost = new Map<string, string>()
  const reasons: string[] = []
  const ns = scope.ns.id
  for (const z of scope.zones) {
    let why: string | null = null
    for (const res of RESOURCES) {
      const limit = p.get('namespaces', ns, poolLimitKey(z.id, res))
      if (limit === null || want[res] === 0) continue
      const used = p.num('namespaces', ns, poolUsedKey(z.id, res))
      if (used + want[res] > Number(limit)) {
        const unit = res === 'cpuMhz' ? 'MHz' : 'MiB'
        why = `the resource pool of ${scope.ns.name}${scope.zones.length > 1 ? ` in zone ${z.name}` : ''} has ${Number(limit) - used} of its ${limit} ${unit} ${res === 'cpuMhz' ? 'CPU' : 'memory'} limit left${scope.zones.length > 1 ? ' (a third of the namespace limit)' : ''}, the reservation needs ${want[res]} ${unit}`
        break
      }
    }
    if (why === null) continue
    reasons.push(why)
    for (const h of z.hostIds) byHost.set(h, why)
  }
  return { byHost, reasons }
}
