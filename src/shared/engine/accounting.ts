import type { Change, Planner } from './planner'

/** What the bookkeeping reads: the planner, or validate's quiet pass over a bare state (engine/fit). */
export type StateReader = Pick<Planner, 'get' | 'num' | 'state'>

/**
 * Resource bookkeeping as state changes. An object records what it holds on its host, so a
 * release gives back exactly what was taken and host usage never drifts.
 */
export interface Hold {
  /** vSphere reservation (DRS admission): CPU MHz and memory MiB including overhead. */
  cpuMhz: number
  memoryMiB: number
  /** What kube-scheduler counts on the node (pod requests). */
  podCpuMillis: number
  podMemoryMiB: number
  /** Active usage the object adds (assumed: its requests, or its size for VMs without one). */
  activeCpuMhz: number
  activeMemoryMiB: number
}

const FIELDS: readonly (readonly [keyof Hold, string, string])[] = [
  ['cpuMhz', 'holdCpuMhz', 'reservedCpuMhz'],
  ['memoryMiB', 'holdMemoryMiB', 'reservedMemoryMiB'],
  ['podCpuMillis', 'holdPodCpuMillis', 'podCpuMillis'],
  ['podMemoryMiB', 'holdPodMemoryMiB', 'podMemoryMiB'],
  ['activeCpuMhz', 'holdActiveCpuMhz', 'activeCpuMhz'],
  ['activeMemoryMiB', 'holdActiveMemoryMiB', 'activeMemoryMiB'],
]

/** Takes `hold` on `hostId` for `objectId`. */
export function holdOn(p: StateReader, objectId: string, hostId: string, hold: Hold): Change[] {
  const out: Change[] = [['objects', objectId, 'host', hostId]]
  for (const [k, objKey, hostKey] of FIELDS) {
    if (hold[k] === 0) continue
    out.push(['hosts', hostId, hostKey, p.num('hosts', hostId, hostKey) + hold[k]])
    out.push(['objects', objectId, objKey, hold[k]])
  }
  return out
}

/** Gives back whatever `objectId` holds on its host; the object keeps no host afterwards. */
export function release(p: StateReader, objectId: string): Change[] {
  const hostId = p.get('objects', objectId, 'host')
  if (typeof hostId !== 'string') return []
  const out: Change[] = []
  for (const [, objKey, hostKey] of FIELDS) {
    const held = p.num('objects', objectId, objKey)
    if (held === 0) continue
    out.push(['hosts', hostId, hostKey, p.num('hosts', hostId, hostKey) - held])
    out.push(['objects', objectId, objKey, null])
  }
  out.push(['objects', objectId, 'host', null])
  return out
}

/** An object's status (and reason, cleared when none is given). */
export function status(id: string, value: string, reason?: string): Change[] {
  return [
    ['objects', id, 'status', value],
    ['objects', id, 'reason', reason ?? null],
  ]
}

/**
 * Counts `deltas` against a namespace (quota usage) and records them on the object as `ns:<key>`,
 * so deleting or losing the object gives back exactly what it took.
 */
export function nsHold(
  p: StateReader,
  objectId: string,
  nsId: string,
  deltas: Readonly<Record<string, number>>,
): Change[] {
  const out: Change[] = [['objects', objectId, 'ns', nsId]]
  for (const k of Object.keys(deltas).sort()) {
    const d = deltas[k]!
    if (d === 0) continue
    out.push(['namespaces', nsId, k, p.num('namespaces', nsId, k) + d])
    out.push(['objects', objectId, `ns:${k}`, p.num('objects', objectId, `ns:${k}`) + d])
  }
  return out
}

/** Gives back everything `objectId` counts against its namespace (or the keys `only` keeps). */
export function nsRelease(p: StateReader, objectId: string, only?: (key: string) => boolean): Change[] {
  const rec = p.state.objects[objectId]
  const nsId = rec?.['ns']
  if (!rec || typeof nsId !== 'string') return []
  const out: Change[] = []
  for (const key of Object.keys(rec).sort()) {
    if (!key.startsWith('ns:')) continue
    const k = key.slice(3)
    if (only && !only(k)) continue
    out.push(['namespaces', nsId, k, p.num('namespaces', nsId, k) - Number(rec[key])])
    out.push(['objects', objectId, key, null])
  }
  return out
}

/** Whether a VM of this size cannot power on on the host: more vCPUs than cores, or more memory. */
export function largerThanHost(p: StateReader, hostId: string, vcpus: number, memoryMiB: number): boolean {
  const cores = p.num('hosts', hostId, 'capacityCpuMhz') / p.num('hosts', hostId, 'mhzPerCore')
  return vcpus > cores || memoryMiB > p.num('hosts', hostId, 'capacityMemoryMiB')
}
