import type { EngineState } from './types'

/**
 * The field catalogue of the engine state: which keys each table's records hold, named once,
 * with typed readers, so no caller builds a key from strings (`'quota:cpuMhz'`,
 * `capacity${r}${u}`). Flows write through the same names.
 */

/** Keys of a host record (`hosts` table). */
export type HostField =
  | 'name'
  | 'state'
  | 'mhzPerCore'
  | 'capacityCpuMhz'
  | 'capacityMemoryMiB'
  | 'reservedCpuMhz'
  | 'reservedMemoryMiB'
  | 'podCpuMillis'
  | 'podMemoryMiB'
  | 'activeCpuMhz'
  | 'activeMemoryMiB'
  | 'vms'

/** A host's state besides connected: what a fault left it in. */
export type HostState = 'connected' | 'maintenance' | 'failed'

/** The two resources a host's capacity and reservations are counted in. */
export type HostResource = 'cpu' | 'memory'

export const HOST_CAPACITY: Readonly<Record<HostResource, HostField>> = {
  cpu: 'capacityCpuMhz',
  memory: 'capacityMemoryMiB',
}
export const HOST_RESERVED: Readonly<Record<HostResource, HostField>> = {
  cpu: 'reservedCpuMhz',
  memory: 'reservedMemoryMiB',
}

/** What a namespace counts (its usage) and may limit by quota (`quota:` + the counter). */
export type QuotaCounter =
  | 'pods'
  | 'services'
  | 'deployments'
  | 'persistentVolumeClaims'
  | 'cpuMhz'
  | 'memoryMiB'
  | 'storageMiB'
  | `storage/${string}`

/**
 * Keys of a namespace record (`namespaces` table) besides its counters and quotas; the keys of its
 * resource pools per zone come from `poolLimitKey` and `poolUsedKey` (engine/quota.ts).
 */
export type NamespaceField = 'name' | 'supervisor' | 'reservedCpuMhz' | 'reservedMemoryMiB'

/** The key of a namespace's quota on `counter`. */
export const quotaKey = (counter: QuotaCounter) => `quota:${counter}` as const

/** Keys of an object record (`objects` table) that readers outside the flows use. */
export type ObjectField = 'kind' | 'name' | 'status' | 'reason' | 'host' | 'ns' | 'owner' | 'ip'

const numberOr = (value: unknown, fallback: number) => (typeof value === 'number' ? value : fallback)

/** A numeric host field, 0 when the host or the field is absent. */
export const hostNumber = (state: EngineState, hostId: string, field: HostField): number =>
  numberOr(state.hosts[hostId]?.[field], 0)

/** A host's state, or null when the host is not in the state. */
export function hostState(state: EngineState, hostId: string): HostState | null {
  const s = state.hosts[hostId]?.['state']
  return s === 'maintenance' || s === 'failed' || s === 'connected' ? s : null
}

/** Share of a host's capacity reserved, 0..1, or null when the host is not in the state. */
export function hostReservedShare(state: EngineState, hostId: string, resource: HostResource): number | null {
  if (!state.hosts[hostId]) return null
  const cap = hostNumber(state, hostId, HOST_CAPACITY[resource])
  return cap > 0 ? hostNumber(state, hostId, HOST_RESERVED[resource]) / cap : 0
}

/** How much of `counter` a namespace uses now (0 when none). */
export const namespaceCount = (state: EngineState, nsId: string, counter: QuotaCounter): number =>
  numberOr(state.namespaces[nsId]?.[counter], 0)

/** A namespace's quota on `counter`, or null when it sets none. */
export function namespaceQuota(state: EngineState, nsId: string, counter: QuotaCounter): number | null {
  const q = state.namespaces[nsId]?.[quotaKey(counter)]
  return q === undefined ? null : Number(q)
}

/** An object's field as text, or null when the object or the field is absent. */
export function objectText(state: EngineState, id: string, field: ObjectField): string | null {
  const v = state.objects[id]?.[field]
  return v === undefined ? null : String(v)
}
