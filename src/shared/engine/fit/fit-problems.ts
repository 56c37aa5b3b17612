import type { Problem } from '../../domain/problems'
import { resolveTopology, type ResolvedTopology } from '../../domain/resolve'
import type { Topology } from '../../domain/topology'
import { gib } from '../placement'
import type { QuotaExceeded } from '../quota'
import type { EngineState } from '../types'
import { fitPass, type FitRefusal, type Noun } from './quiet-pass'

/**
 * "Will it fit", as problems: the quiet pass's refusals grouped per namespace and cause, each
 * naming the object, the resource and by how much ("188 of 200 pods of team-a exceed its CPU
 * limit of 40,000 MHz by 376 GHz"). Every one is an error: the run would fail there.
 */

/** 40000 -> "40,000": grouped by hand, since the engine may not depend on the locale. */
export const grouped = (n: number) => String(Math.round(n)).replace(/\B(?=(\d{3})+(?!\d))/g, ',')
const mhz = (n: number) => `${grouped(n)} MHz`
/** An amount of CPU to read at a glance: GHz from 1,000 MHz on. */
const cpuAmount = (n: number) => (n >= 1000 ? `${grouped(Math.round(n / 100) / 10)} GHz` : mhz(n))
const plural = (n: number, noun: Noun) => (n === 1 ? noun : `${noun}s`)
/** The verb for a subject of `n` things: "exceed" or "exceeds". */
const verb = (n: number, base: string) => (n === 1 ? `${base}s` : base)

interface QuotaWords {
  /** What the limit is called: "CPU limit". */
  name: string
  /** The limit or an amount, formatted. */
  show: (n: number) => string
  /** Whether "by how much" means anything (counts need none). */
  amount: boolean
}

/** A zone resource pool's key (`rp:<zone>:cpuMhz`, engine/quota.ts): the zone and the resource. */
const ZONE_POOL = /^rp:(.*):(cpuMhz|memoryMiB)$/

function quotaWords(key: string): QuotaWords {
  const pool = ZONE_POOL.exec(key)
  const res = pool ? pool[2] : key
  if (res === 'cpuMhz') return { name: 'CPU limit', show: mhz, amount: true }
  if (res === 'memoryMiB') return { name: 'memory limit', show: gib, amount: true }
  if (key === 'storageMiB') return { name: 'storage limit', show: gib, amount: true }
  if (key.startsWith('storage/'))
    return { name: `limit on storage class ${key.slice('storage/'.length)}`, show: gib, amount: true }
  const counts: Record<string, string> = {
    pods: 'pod count limit',
    services: 'Service count limit',
    deployments: 'Deployment count limit',
    persistentVolumeClaims: 'PVC count limit',
  }
  return { name: counts[key] ?? `${key} limit`, show: String, amount: false }
}

interface Group {
  nsId: string
  noun: Noun
  first: FitRefusal
  list: FitRefusal[]
}

function groupBy(refusals: readonly FitRefusal[]): Group[] {
  const groups = new Map<string, Group>()
  for (const r of refusals) {
    const cause =
      r.what === 'quota' || r.what === 'reservation'
        ? `${r.what}:${r.over.key}`
        : r.what === 'ip'
          ? `ip:${r.pool}`
          : r.what
    const key = `${r.nsId}\u0000${r.noun}\u0000${cause}`
    const g = groups.get(key)
    if (g) g.list.push(r)
    else groups.set(key, { nsId: r.nsId, noun: r.noun, first: r, list: [r] })
  }
  return [...groups.values()]
}

/**
 * The zone a reservation was refused in, when the Supervisor has several: each zone's pool has
 * an equal part of the namespace's limit (engine/zones.ts), so the namespace needs that many times.
 */
function zoneOf(key: string, nsId: string, r: ResolvedTopology): { name: string; zones: number } | null {
  const pool = ZONE_POOL.exec(key)
  const sv = r.parentOfKind(nsId, 'supervisor')
  const zones = sv ? r.clustersOf(sv.id).length : 1
  if (!pool || zones <= 1) return null
  return { name: r.index.byId.get(pool[1]!)?.name ?? pool[1]!, zones }
}

function quotaProblem(
  g: Group,
  over: QuotaExceeded,
  r: ResolvedTopology,
  state: EngineState,
  nsName: string,
  of: string,
): Problem {
  const words = quotaWords(over.key)
  const zone = zoneOf(over.key, g.nsId, r)
  const usedAtEnd = Number(state.namespaces[g.nsId]?.[over.key] ?? 0)
  const asked = g.list.reduce((sum, r) => sum + ('over' in r ? r.over.want : 0), 0)
  const excess = usedAtEnd + asked - over.limit
  const reserve = g.first.what === 'reservation'
  const n = g.list.length
  const limit = zone
    ? `the ${words.name} of its resource pool in zone ${zone.name} (${words.show(over.limit)}, an equal part of the namespace's)`
    : `its ${words.name} of ${words.show(over.limit)}`
  const what = reserve ? `${verb(n, 'reserve')} more than ${limit} allows` : `${verb(n, 'exceed')} ${limit}`
  const by = words.amount
    ? `${reserve ? ',' : ''} by ${words.name.startsWith('CPU') ? cpuAmount(excess) : words.show(excess)}`
    : ''
  return {
    severity: 'error',
    code: reserve ? 'reservation-over-limit' : 'quota-exceeded',
    objectId: g.nsId,
    message: `${of} ${what}${by}`,
    hint: `Raise namespace "${nsName}"'s ${words.name} to at least ${words.show((usedAtEnd + asked) * (zone?.zones ?? 1))}, or ask for less`,
  }
}

function noHostProblem(g: Group, r: ResolvedTopology, state: EngineState, of: string): Problem {
  const hosts = r.ofKind('host').filter((h) => state.hosts[h.id])
  const cpu = g.list.reduce((s, x) => s + (x.what === 'no-host' ? x.cpuMhz : 0), 0)
  const mem = g.list.reduce((s, x) => s + (x.what === 'no-host' ? x.memoryMiB : 0), 0)
  const freeCpu = hosts.reduce((s, h) => s + hostFree(state, h.id, 'Cpu'), 0)
  const freeMem = hosts.reduce((s, h) => s + hostFree(state, h.id, 'Memory'), 0)
  const kube = g.first.what === 'no-host' && g.first.stage === 'kube'
  const short: string[] = []
  if (mem > freeMem)
    short.push(`memory falls ${gib(mem - freeMem)} short (${gib(mem)} asked, ${gib(freeMem)} free)`)
  if (cpu > freeCpu)
    short.push(`CPU falls ${cpuAmount(cpu - freeCpu)} short (${mhz(cpu)} asked, ${mhz(freeCpu)} free)`)
  const why =
    short.length > 0
      ? `the Supervisor's unreserved ${short.join(' and its unreserved ')}`
      : `no single host has room for one, though ${gib(freeMem)} and ${mhz(freeCpu)} are free across hosts`
  return {
    severity: 'error',
    code: 'no-host-fits',
    objectId: g.nsId,
    message: `${of} ${verb(g.list.length, 'find')} no host (${kube ? 'kube-scheduler filters every node out' : 'DRS finds no host with unreserved capacity for the reservation'}): ${why}`,
    hint: 'Add hosts or capacity, lower the requests and reservations, or run fewer',
  }
}

const hostFree = (state: EngineState, id: string, what: 'Cpu' | 'Memory') => {
  const h = state.hosts[id]!
  const cap = Number(h[what === 'Cpu' ? 'capacityCpuMhz' : 'capacityMemoryMiB'] ?? 0)
  const used = Number(h[what === 'Cpu' ? 'reservedCpuMhz' : 'reservedMemoryMiB'] ?? 0)
  return h['state'] === 'connected' ? Math.max(0, cap - used) : 0
}

function problemOf(g: Group, r: ResolvedTopology, state: EngineState, tried: number): Problem {
  const nsName = r.index.byId.get(g.nsId)?.name ?? g.nsId
  const n = g.list.length
  const of = `${n} of ${tried} ${plural(tried, g.noun)} of ${nsName}`
  const f = g.first
  switch (f.what) {
    case 'quota':
    case 'reservation':
      return quotaProblem(g, f.over, r, state, nsName, of)
    case 'no-host':
      return noHostProblem(g, r, state, of)
    case 'host-size': {
      const host = state.hosts[f.host]!
      const cores = Number(host['capacityCpuMhz']) / Number(host['mhzPerCore'])
      const unit = r.index.byId.get(f.objectId)?.name ?? f.unit
      return {
        severity: 'error',
        code: 'larger-than-host',
        objectId: n === 1 ? f.objectId : g.nsId,
        message: `${n === 1 ? `${g.noun === 'pod' ? 'Pod' : g.noun} ${unit}` : of} ${verb(n, 'need')} ${f.vcpus} vCPU / ${gib(f.memoryMiB)}, more than ${String(host['name'])} (${cores} cores, ${gib(Number(host['capacityMemoryMiB']))}) where DRS places ${n === 1 ? 'it' : 'them'}`,
        hint: 'Lower the limits or the VM class, or add larger hosts',
      }
    }
    case 'ip': {
      return {
        severity: 'error',
        code: 'addresses-exhausted',
        objectId: g.nsId,
        message: `${of} ${verb(n, 'get')} no address: ${rangeText(state, f.pool)} and they are all taken`,
        hint: 'Widen the range (a larger CIDR) or run fewer workloads',
      }
    }
  }
}

/**
 * An address range and how many addresses it gives (engine/addresses.ts): a range pool, or a
 * namespace segment that takes blocks from its Supervisor's namespace network.
 */
function rangeText(state: EngineState, poolId: string): string {
  const pool = state.pools[poolId]
  if (pool?.['kind'] !== 'segment')
    return `${String(pool?.['cidr'] ?? poolId)} has ${grouped(Number(pool?.['capacity'] ?? 0))} usable addresses`
  const parent = state.pools[String(pool['parent'])]
  const blocks = Number(parent?.['capacity'] ?? 0)
  const per = Number(pool['perBlock'] ?? 0)
  return `the namespace network ${String(parent?.['cidr'] ?? '')} has ${grouped(blocks * per)} usable addresses (${grouped(blocks)} block${blocks === 1 ? '' : 's'} of ${per + 3}, 3 lost in each; assumed)`
}

/** The fit problems of a lab, sorted by object then code. */
export function fitProblems(topology: Topology, resolved?: ResolvedTopology): Problem[] {
  const r = resolved ?? resolveTopology(topology)
  const result = fitPass(topology, r)
  const out: Problem[] = result.infraFailures.map((f) => ({
    severity: 'error',
    code: 'infrastructure-fails',
    objectId: f.objectId,
    message: `${r.index.byId.get(f.objectId)?.name ?? f.objectId} fails in the run: ${f.reason}`,
    hint: 'Widen the range or free the capacity the run names',
  }))
  for (const g of groupBy(result.refusals))
    out.push(problemOf(g, r, result.state, result.attempts.get(`${g.nsId} ${g.noun}`) ?? g.list.length))
  return out
}
