import { isWorkloadKind, type Kind } from '../domain/kinds'
import { resolveTopology } from '../domain/resolve'
import type { Topology } from '../domain/topology'
import type { DeployedState, Effect, EffectTable, EngineState, Scalar, StateRecord } from './types'

/** Object statuses a run moves through (DESIGN.md 4, DOMAIN.md 6.5). */
export const STATUS = {
  absent: 'Absent',
  ready: 'Ready',
  configuring: 'Configuring',
  pending: 'Pending',
  scheduled: 'Scheduled',
  creatingVm: 'Creating VM',
  networkReady: 'Network ready',
  pullingImages: 'Pulling images',
  imagePullBackOff: 'ImagePullBackOff',
  starting: 'Starting',
  running: 'Running',
  bound: 'Bound',
  notReady: 'NotReady',
  failed: 'Failed',
  deleting: 'Deleting',
  deleted: 'Deleted',
} as const

/** Statuses an object can end a run in that need no reason. */
export const SETTLED_OK: readonly string[] = [STATUS.running, STATUS.bound, STATUS.ready, STATUS.deleted]

export const emptyState = (): EngineState => ({ objects: {}, hosts: {}, namespaces: {}, pools: {} })

/** Sets one field; null removes it, and a record left empty is removed too. */
export function setField(
  state: EngineState,
  on: EffectTable,
  id: string,
  key: string,
  value: Scalar | null,
): void {
  const table = state[on]
  let rec = table[id]
  if (value === null) {
    if (!rec) return
    delete rec[key]
    for (const _ in rec) return
    delete table[id]
    return
  }
  if (!rec) {
    rec = {}
    table[id] = rec
  }
  rec[key] = value
}

export function getField(state: EngineState, on: EffectTable, id: string, key: string): Scalar | null {
  return state[on][id]?.[key] ?? null
}

/** Applies a step's effects in order: O(number of effects). */
export function applyEffects(state: EngineState, effects: readonly Effect[]): void {
  for (const e of effects) setField(state, e.on, e.id, e.key, e.after)
}

/** Reverts a step's effects in reverse order, giving back the state before the step. */
export function revertEffects(state: EngineState, effects: readonly Effect[]): void {
  for (let i = effects.length - 1; i >= 0; i--) {
    const e = effects[i]!
    setField(state, e.on, e.id, e.key, e.before)
  }
}

function cloneTable(table: Record<string, StateRecord>): Record<string, StateRecord> {
  const out: Record<string, StateRecord> = {}
  for (const id in table) out[id] = { ...table[id] }
  return out
}

/** A deep copy (records of scalars are one level deep). */
export function cloneState(state: EngineState): EngineState {
  return {
    objects: cloneTable(state.objects),
    hosts: cloneTable(state.hosts),
    namespaces: cloneTable(state.namespaces),
    pools: cloneTable(state.pools),
  }
}

const INFRA: readonly Kind[] = ['vcenter', 'cluster', 'host', 'storage-policy', 'content-library', 'network']

/**
 * The state a run starts from: what `deployed` left, plus every host of the topology with its
 * capacity and the active usage its spec declares, infrastructure Ready, and every object the
 * run may provision Absent.
 */
export function initialState(topology: Topology, deployed?: DeployedState): EngineState {
  const state = deployed ? cloneState(deployed.state) : emptyState()
  const r = resolveTopology(topology)
  for (const host of r.ofKind('host')) {
    if (host.kind !== 'host' || state.hosts[host.id]) continue
    const s = r.spec(host as typeof host & { kind: 'host' })
    state.hosts[host.id] = {
      name: host.name,
      state: s.maintenance ? 'maintenance' : 'connected',
      mhzPerCore: s.cpuMhzPerCore,
      capacityCpuMhz: s.cpuCores * s.cpuMhzPerCore,
      capacityMemoryMiB: s.memoryMiB,
      reservedCpuMhz: 0,
      reservedMemoryMiB: 0,
      podCpuMillis: 0,
      podMemoryMiB: 0,
      activeCpuMhz: s.activeCpuMhz,
      activeMemoryMiB: s.activeMemoryMiB,
      vms: 0,
    }
  }
  for (const node of topology.nodes) {
    if (state.objects[node.id]) continue
    if (INFRA.includes(node.kind))
      state.objects[node.id] = { kind: node.kind, name: node.name, status: STATUS.ready }
    else if (
      node.kind === 'supervisor' ||
      node.kind === 'supervisor-service' ||
      node.kind === 'namespace' ||
      isWorkloadKind(node.kind)
    )
      state.objects[node.id] = { kind: node.kind, name: node.name, status: STATUS.absent }
  }
  return state
}

/** The status to show for an id: an object's status, or a host's state (faults target hosts). */
export function statusOf(state: EngineState, id: string): string {
  const s = state.objects[id]?.['status']
  if (s !== undefined) return String(s)
  const h = state.hosts[id]?.['state']
  return h === undefined ? STATUS.absent : String(h)
}
