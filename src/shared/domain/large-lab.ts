import { podSize, POD_PADDING_MIB, VM_OVERHEAD_MIB } from '../engine/sizing'
import { canonicalTopology } from './edits'
import type { LabDocument } from './lab-document'
import { addInfra, MAX_SUPERVISORS, nodeAdder, pad } from './large-lab-infra'
import { addWorkloads, DEPLOYMENT_REPLICAS, podsBefore, TKC_NODES } from './large-lab-workloads'
import { resolveTopology } from './resolve'
import { clusterRefusals } from './rules/supervisor'
import { podSupportProblem } from './rules/workloads'
import type { PodSpecT } from './specs'
import type { LabNode, Link } from './topology'
import { defaultVmClass } from './vm-classes'

export interface LargeLabOptions {
  /** ESXi hosts in all, shared by the clusters. */
  hosts?: number
  /** vSphere clusters: one Supervisor each, or each three with `zones: 3`. Default 1 (3 with three zones). */
  clusters?: number
  namespaces?: number
  /** vSphere Pods in all (default 10,000; none with three zones), spread evenly over the namespaces; likewise the other counts. */
  pods?: number
  deployments?: number
  vms?: number
  tkcs?: number
  zones?: 1 | 3
  /** Varies how busy each host already is and each pod's size; without it every pod is alike. */
  seed?: number
  /** Hosts deliberately short of what the workloads reserve (about four fifths of it). */
  tight?: boolean
}

/** An option the generator cannot honour: `option` names it (`pods`, `hosts`, ...), `message` says why. */
export class LargeLabError extends Error {
  constructor(
    readonly option: keyof LargeLabOptions,
    message: string,
  ) {
    super(message)
  }
}

/** Hosts are at least the default lab's size, and grown until the workloads use at most this share. */
const HEADROOM = 0.7
/** With `tight`, what the hosts can hold of what the workloads reserve. */
const TIGHT = 0.8
const BASE_CORES = 64
const BASE_MEMORY_MIB = 1024 * 1024
/** The largest host the generator makes; beyond it, it asks for more hosts. */
const MAX_CORES = 512
/** Namespaces per Supervisor: each takes an egress (SNAT) address of the Supervisor's /22. */
const MAX_NAMESPACES_PER_SUPERVISOR = 1000

/**
 * A large, valid lab for scale tests, speed figures and `pacific-lab generate`: `clusters` clusters
 * of `hosts` hosts, an NSX Supervisor per cluster (or per three clusters as zones), `namespaces`
 * namespaces spread over the Supervisors and the workloads spread over the namespaces. Hosts are
 * sized so the workloads fit (or, with `tight`, so they do not). Deterministic: the same options
 * give the same lab. Throws LargeLabError naming the option that cannot be honoured.
 */
export function generateLargeLab(options: LargeLabOptions = {}): LabDocument {
  const o = checked(options)
  const nodes: LabNode[] = []
  const add = nodeAdder(nodes)
  const { supervisors, links } = addInfra(add, { ...o, cpuCores: BASE_CORES, memoryMiB: BASE_MEMORY_MIB })
  const counts = { pods: o.pods, deployments: o.deployments, vms: o.vms, tkcs: o.tkcs }
  const vmClass = o.tight ? 'guaranteed-small' : 'best-effort-small'
  const supervisorOf = new Map<string, string>()
  for (let n = 0; n < o.namespaces; n++) {
    const sv = supervisors[Math.floor((n * supervisors.length) / o.namespaces)]!
    const nsId = `ns-${pad(n + 1)}`
    supervisorOf.set(nsId, sv.id)
    add(nsId, 'namespace', `team-${pad(n + 1)}`, sv.id, 20 + (n % 10) * 400, 50 + Math.floor(n / 10) * 400, {
      storage: [{ policy: 'vsan-default' }],
      contentLibraries: ['images'],
      vmClasses: [vmClass],
      containerDefaults: { cpuRequest: 250, memoryRequest: 256 },
    })
    addWorkloads(add, nsId, n, o.namespaces, counts, {
      seed: o.seed,
      vmClass,
      firstPod: podsBefore(o.pods, o.namespaces, n),
    })
  }
  refuseWhatTheRulesRefuse(nodes, links, o)
  sizeHosts(nodes, links, supervisorOf, o)
  const what = [
    `${o.hosts} hosts`,
    o.clusters > 1 ? `${o.clusters} clusters` : '',
    o.zones === 3 ? 'three zones' : '',
    `${o.namespaces} namespaces`,
    ...(['pods', 'deployments', 'vms', 'tkcs'] as const).map((k) => (o[k] > 0 ? `${o[k]} ${NOUN[k]}` : '')),
  ].filter((s) => s !== '')
  return {
    name: `Large lab: ${what.join(', ')}${o.tight ? ' (tight)' : ''}`,
    description:
      'Generated for scale tests and speed figures' +
      (o.seed === undefined ? '.' : ` (seed ${o.seed}).`) +
      (o.tight ? ' Deliberately short of capacity: some workloads cannot be placed.' : ''),
    topology: canonicalTopology({ nodes, links }),
  }
}

const NOUN = { pods: 'vSphere Pods', deployments: 'Deployments', vms: 'VMs', tkcs: 'clusters' } as const

type Checked = Required<Omit<LargeLabOptions, 'seed'>> & { seed: number | undefined }

function checked(o: LargeLabOptions): Checked {
  const zones = o.zones ?? 1
  const c: Checked = {
    hosts: o.hosts ?? 64,
    clusters: o.clusters ?? zones,
    namespaces: o.namespaces ?? 50,
    // Three-zone Supervisors run no vSphere Pods: none unless asked for (then the rule refuses).
    pods: o.pods ?? (zones === 3 ? 0 : 10_000),
    deployments: o.deployments ?? 0,
    vms: o.vms ?? 0,
    tkcs: o.tkcs ?? 0,
    zones,
    seed: o.seed,
    tight: o.tight ?? false,
  }
  for (const k of ['hosts', 'clusters', 'namespaces', 'pods', 'deployments', 'vms', 'tkcs'] as const)
    if (!Number.isSafeInteger(c[k]) || c[k] < 0)
      throw new LargeLabError(k, `${k} must be a whole number >= 0, not ${c[k]}`)
  if (c.seed !== undefined && (!Number.isSafeInteger(c.seed) || c.seed < 0 || c.seed > 0xffffffff))
    throw new LargeLabError('seed', `seed must be a whole number from 0 to 4294967295, not ${c.seed}`)
  if (zones !== 1 && zones !== 3)
    throw new LargeLabError('zones', `zones must be 1 or 3, not ${String(zones)}`)
  if (c.clusters < 1 || c.clusters % zones !== 0)
    throw new LargeLabError(
      'clusters',
      zones === 3
        ? `clusters must be a multiple of 3 with three zones (each three clusters make one three-zone Supervisor), not ${c.clusters}`
        : `clusters must be at least 1, not ${c.clusters}`,
    )
  const supervisors = c.clusters / zones
  if (supervisors > MAX_SUPERVISORS)
    throw new LargeLabError(
      'clusters',
      `${supervisors} Supervisors is more than the generator's address plan holds (${MAX_SUPERVISORS}: a /13 namespace network each in 10.128.0.0/9)`,
    )
  const workloads = c.pods + c.deployments + c.vms + c.tkcs
  if (workloads > 0 && c.namespaces === 0)
    throw new LargeLabError('namespaces', 'namespaces must be at least 1 to hold the workloads')
  if (c.namespaces > supervisors * MAX_NAMESPACES_PER_SUPERVISOR)
    throw new LargeLabError(
      'namespaces',
      `${c.namespaces} namespaces on ${supervisors} Supervisor(s) is more than the ${MAX_NAMESPACES_PER_SUPERVISOR} per Supervisor its egress range (/22) gives addresses to`,
    )
  if (c.tight && workloads === 0)
    throw new LargeLabError(
      'tight',
      'tight needs workloads to be short of capacity for: give --pods, --deployments, --vms or --tkcs',
    )
  return c
}

/**
 * What the platform's own rules refuse for these options, said by those rules (domain/rules):
 * too few hosts for a Supervisor's cluster, vSphere Pods on a three-zone Supervisor.
 */
function refuseWhatTheRulesRefuse(nodes: LabNode[], links: Link[], o: Checked) {
  const r = resolveTopology({ nodes, links })
  for (const cl of r.ofKind('cluster'))
    for (const why of clusterRefusals(r, cl as LabNode & { kind: 'cluster' }))
      throw new LargeLabError('hosts', `${o.hosts} hosts over ${o.clusters} cluster(s): ${why.reason}`)
  const ns = r.ofKind('namespace')[0]
  for (const k of ['pods', 'deployments'] as const) {
    const why = ns !== undefined && o[k] > 0 ? podSupportProblem(r, ns) : null
    if (why !== null) throw new LargeLabError(k, `${NOUN[k]} cannot run: ${why}`)
  }
}

/** Reservations per Supervisor, then every host of it sized to hold them (or, tight, not quite). */
function sizeHosts(
  nodes: LabNode[],
  links: readonly Link[],
  supervisorOf: ReadonlyMap<string, string>,
  o: Checked,
): void {
  const demand = new Map<string, { cpuMillis: number; memoryMiB: number }>()
  const reserve = (ns: string | null, cpuMillis: number, memoryMiB: number, times = 1) => {
    const sv = supervisorOf.get(ns ?? '')
    if (sv === undefined) return
    const d = demand.get(sv) ?? { cpuMillis: 0, memoryMiB: 0 }
    d.cpuMillis += cpuMillis * times
    d.memoryMiB += memoryMiB * times
    demand.set(sv, d)
  }
  const vmClass = defaultVmClass(o.tight ? 'guaranteed-small' : 'best-effort-small')!
  const vmReserve = (ns: string | null, times: number) =>
    vmClass.reservedCpuMillis > 0 &&
    reserve(ns, vmClass.reservedCpuMillis, vmClass.reservedMemoryMiB + VM_OVERHEAD_MIB, times)
  for (const n of nodes) {
    if (n.kind === 'pod' || n.kind === 'deployment') {
      const size = podSize((n.spec as PodSpecT).containers, {})
      const times = n.kind === 'deployment' ? DEPLOYMENT_REPLICAS : 1
      reserve(n.parentId, size.requestCpuMillis, size.requestMemoryMiB + POD_PADDING_MIB, times)
    } else if (n.kind === 'vm') vmReserve(n.parentId, 1)
    else if (n.kind === 'tkc') vmReserve(n.parentId, TKC_NODES)
  }
  const hostsOf = new Map<string, LabNode[]>()
  const clusterSv = new Map(links.map((l) => [l.target, l.source]))
  for (const n of nodes)
    if (n.kind === 'host') {
      const sv = clusterSv.get(n.parentId ?? '') ?? ''
      hostsOf.set(sv, [...(hostsOf.get(sv) ?? []), n])
    }
  for (const [sv, d] of demand) {
    const hosts = hostsOf.get(sv) ?? []
    const share = o.tight ? TIGHT : 1 / HEADROOM
    const perHostCores = (d.cpuMillis / 1000 / hosts.length) * share
    const perHostMemory = (d.memoryMiB / hosts.length) * share
    const cores = o.tight
      ? Math.max(1, Math.floor(perHostCores))
      : Math.max(BASE_CORES, Math.ceil(perHostCores / 8) * 8)
    const memoryMiB = o.tight
      ? Math.max(1024, Math.floor(perHostMemory / 1024) * 1024)
      : Math.max(BASE_MEMORY_MIB, Math.ceil(perHostMemory / 1024) * 1024)
    if (cores > MAX_CORES)
      throw new LargeLabError(
        'hosts',
        `the workloads of ${sv} would need ${cores} cores on each of its ${hosts.length} hosts (the generator makes hosts of at most ${MAX_CORES}); give more --hosts`,
      )
    // Hosts stay as busy, in proportion, as the default lab's. A new spec object: the resolver
    // caches parsed specs by object.
    for (const h of hosts) {
      const spec = h.spec as { activeCpuMhz: number; activeMemoryMiB: number }
      h.spec = {
        ...h.spec,
        cpuCores: cores,
        memoryMiB,
        activeCpuMhz: Math.round((spec.activeCpuMhz * cores) / BASE_CORES),
        activeMemoryMiB: Math.round((spec.activeMemoryMiB * memoryMiB) / BASE_MEMORY_MIB),
      }
    }
  }
}
