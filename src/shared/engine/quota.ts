import { quotaKey, type QuotaCounter } from './fields'
import type { PodSize } from './sizing'
import { millisToMhz } from './sizing'
import type { EngineState } from './types'

/**
 * Namespace quota admission (DOMAIN.md 2, 4c step 2): what each workload counts against its
 * namespace and whether it fits, as kube-apiserver's ResourceQuota check words it. The flows and
 * validate's quiet pass (engine/fit) both ask here, so they count the same things.
 */

/** One quota a workload counts against: the namespace record key, the amount, the name reported. */
export type QuotaWant = readonly [key: QuotaCounter, want: number, label: string]

export interface QuotaExceeded {
  key: string
  label: string
  want: number
  used: number
  limit: number
}

/** Disk of a VM: from its image, which the lab does not model; TKR OVAs are 16 GB (DOMAIN.md 6.1), assumed for all. */
export const VM_DISK_MIB = 16 * 1024

const num = (state: EngineState, nsId: string, key: string) => Number(state.namespaces[nsId]?.[key] ?? 0)

/** The first quota `wants` would exceed in namespace `nsId`, or null. */
export function quotaExceeded(
  state: EngineState,
  nsId: string,
  wants: readonly QuotaWant[],
): QuotaExceeded | null {
  for (const [key, want, label] of wants) {
    const limit = state.namespaces[nsId]?.[quotaKey(key)]
    if (limit === undefined) continue
    const used = num(state, nsId, key)
    if (used + want > Number(limit)) return { key, label, want, used, limit: Number(limit) }
  }
  return null
}

/** kube-apiserver's words for a refused quota. */
export const exceededText = (e: QuotaExceeded) =>
  `exceeded quota: ${e.label}, requested: ${e.want}, used: ${e.used}, limited: ${e.limit}`

/** A pod counts one pod and its limits (CPU at the namespace's core speed). */
export const podWants = (size: PodSize, mhzPerCore: number): QuotaWant[] => [
  ['pods', 1, 'pods'],
  ['cpuMhz', millisToMhz(size.limitCpuMillis, mhzPerCore), 'limits.cpu (MHz)'],
  ['memoryMiB', size.limitMemoryMiB, 'limits.memory (MiB)'],
]

/** Storage against the namespace total and the policy's own limit. */
export const storageWants = (sc: string, mib: number): QuotaWant[] => [
  ['storageMiB', mib, 'requests.storage'],
  [`storage/${sc}`, mib, `${sc}.storageclass.storage.k8s.io/requests.storage`],
]

export const pvcWants = (sc: string, mib: number): QuotaWant[] => [
  ['persistentVolumeClaims', 1, 'persistentvolumeclaims'],
  ...storageWants(sc, mib),
]

/** CPU or memory of a namespace resource pool. */
export type PoolResource = 'cpuMhz' | 'memoryMiB'
export const POOL_RESOURCES: readonly PoolResource[] = ['cpuMhz', 'memoryMiB']

/** The namespace record keys of a zone's resource pool: its limit and what is reserved in it. */
export const poolLimitKey = (zone: string, res: PoolResource) => `rpLimit:${zone}:${res}`
export const poolUsedKey = (zone: string, res: PoolResource) => `rp:${zone}:${res}`

/**
 * A VM's reservation against the limits of its namespace's resource pool in `zone` (one pool
 * per zone, engine/zones.ts): the reservation must fit under the pool's CPU and memory limits
 * beside what the namespace's VMs already reserve there (assumed from resource pool semantics,
 * DOMAIN.md 4c failure points). The one place that reads the limits for reservations.
 */
export function reservationExceeded(
  state: EngineState,
  nsId: string,
  zone: string,
  want: Readonly<Record<PoolResource, number>>,
): QuotaExceeded | null {
  const ns = state.namespaces[nsId]
  for (const res of POOL_RESOURCES) {
    const limit = ns?.[poolLimitKey(zone, res)]
    if (limit === undefined || want[res] === 0) continue
    const key = poolUsedKey(zone, res)
    const used = Number(ns?.[key] ?? 0)
    if (used + want[res] > Number(limit))
      return {
        key,
        label: res === 'cpuMhz' ? 'CPU limit (MHz)' : 'memory limit (MiB)',
        want: want[res],
        used,
        limit: Number(limit),
      }
  }
  return null
}

/** The wants as the deltas a hold records (engine/accounting.ts nsHold). */
export const asDeltas = (wants: readonly QuotaWant[]): Record<string, number> =>
  Object.fromEntries(wants.map(([key, want]) => [key, want]))

export const DEPLOYMENT_WANTS: readonly QuotaWant[] = [['deployments', 1, 'count/deployments.apps']]
export const SERVICE_WANTS: readonly QuotaWant[] = [['services', 1, 'services']]
