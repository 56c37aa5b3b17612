import type { StateReader } from './accounting'
import type { Change } from './planner'
import { poolLimitKey, reservationExceeded, type PoolResource } from './quota'
import type { NsScope } from './scope'

/**
 * A namespace's resource pools, one per zone (DOMAIN.md 1.2 [D8-NS]): on a three-zone
 * Supervisor each zone's pool gets the namespace's CPU and memory limits in equal parts
 * (300 MHz becomes 100 MHz each; a remainder is dropped, assumed). On one zone the one pool
 * has the whole limit. Reservations placed in a zone count against that zone's pool only
 * (engine/quota.ts `reservationExceeded`, which validate's quiet pass asks too).
 */

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
 * it have no entry. An empty map means every zone can. `first` is the first full zone's excess.
 */
export function fullZones(
  p: StateReader,
  scope: NsScope,
  want: Readonly<Record<PoolResource, number>>,
): { byHost: Map<string, string>; reasons: string[]; first: ReturnType<typeof reservationExceeded> } {
  const byHost = new Map<string, string>()
  const reasons: string[] = []
  let first: ReturnType<typeof reservationExceeded> = null
  const several = scope.zones.length > 1
  for (const z of scope.zones) {
    const over = reservationExceeded(p.state, scope.ns.id, z.id, want)
    if (over === null) continue
    first ??= over
    const cpu = over.key.endsWith(':cpuMhz')
    const unit = cpu ? 'MHz' : 'MiB'
    const why = `the resource pool of ${scope.ns.name}${several ? ` in zone ${z.name}` : ''} has ${over.limit - over.used} of its ${over.limit} ${unit} ${cpu ? 'CPU' : 'memory'} limit left${several ? ' (a third of the namespace limit)' : ''}, the reservation needs ${over.want} ${unit}`
    reasons.push(why)
    for (const h of z.hostIds) byHost.set(h, why)
  }
  return { byHost, reasons, first }
}
