import { LANES } from '../../../shared/engine/lanes'
import { ancestorOfKind, type TopologyIndex } from '../../../shared/domain/topology'
import type { Kind } from '../../../shared/domain/kinds'
import type { Step } from '../../../shared/engine/types'
import type { Highlight } from './session-types'

/** The four layers the event list filters by. */
export const LAYERS = ['Kubernetes', 'vSphere', 'NSX', 'Storage'] as const
export type Layer = (typeof LAYERS)[number]

const LAYER_OF: Record<string, Layer> = {
  [LANES.user]: 'Kubernetes',
  [LANES.apiserver]: 'Kubernetes',
  [LANES.scheduler]: 'Kubernetes',
  [LANES.extension]: 'Kubernetes',
  [LANES.vmop]: 'Kubernetes',
  [LANES.capi]: 'Kubernetes',
  [LANES.kapp]: 'Kubernetes',
  [LANES.lb]: 'NSX',
  [LANES.nsx]: 'NSX',
  [LANES.ncp]: 'NSX',
  [LANES.nsxOperator]: 'NSX',
  [LANES.haproxy]: 'NSX',
  [LANES.avi]: 'NSX',
  'nsx-agent': 'NSX',
  [LANES.cns]: 'Storage',
}

/** The lane's component without its per-host or per-pod suffix: `hostd:host-1` -> `hostd`. */
export const laneBase = (lane: string) => lane.split(':')[0] ?? lane

/** Which layer a lane belongs to; Spherelet counts as Kubernetes, hostd and CRX as vSphere. */
export function layerOf(lane: string): Layer {
  const base = laneBase(lane)
  if (base === 'spherelet') return 'Kubernetes'
  return LAYER_OF[base] ?? 'vSphere'
}

/** Order of lanes in the sequence diagram, following the seed deck's PodVM slide. */
const ORDER = [
  'user',
  'api-vip-lb',
  'kube-apiserver',
  'kube-scheduler',
  'scheduler-extension',
  'vcenter',
  'drs',
  'wcpsvc',
  'eam',
  'hostd',
  'spherelet',
  'nsx-agent',
  'ncp',
  'nsx-operator',
  'nsx',
  'haproxy',
  'avi',
  'image-service',
  'crx',
  'vm-operator',
  'kapp-controller',
  'capi',
  'cns',
  'vsphere-ha',
]
export const laneRank = (lane: string) => {
  const i = ORDER.indexOf(laneBase(lane))
  return i < 0 ? ORDER.length : i
}

/** Lanes on a fixed canvas object kind: the first such node stands for the component. */
const ON_KIND: Record<string, Kind> = {
  vcenter: 'vcenter',
  wcpsvc: 'vcenter',
  eam: 'vcenter',
  drs: 'cluster',
  'vsphere-ha': 'cluster',
  nsx: 'network',
  haproxy: 'network',
  avi: 'network',
  'image-service': 'content-library',
  cns: 'storage-policy',
}
const ON_SUPERVISOR = new Set([
  'api-vip-lb',
  'kube-apiserver',
  'kube-scheduler',
  'scheduler-extension',
  'vm-operator',
  'capi',
  'ncp',
  'nsx-operator',
  'kapp-controller',
])

/** The canvas node a lane is drawn on for a step, or null (the user has no node). */
export function laneNode(
  lane: string,
  step: Step,
  index: TopologyIndex,
  firstOfKind: Map<Kind, string>,
): string | null {
  const [base, suffix] = lane.split(':')
  if (suffix) return index.byId.has(suffix) ? suffix : objectNode(suffix, index)
  if (base && ON_SUPERVISOR.has(base)) {
    const obj = objectNode(step.object, index)
    if (!obj) return firstOfKind.get('supervisor') ?? null
    if (index.byId.get(obj)?.kind === 'supervisor') return obj
    return ancestorOfKind(index, obj, 'supervisor')?.id ?? firstOfKind.get('supervisor') ?? null
  }
  const kind = base ? ON_KIND[base] : undefined
  return kind ? (firstOfKind.get(kind) ?? null) : null
}

/** The canvas node of an engine object: `tkc-1/cp-1` is drawn as `tkc-1`. */
export function objectNode(id: string, index: TopologyIndex): string | null {
  if (index.byId.has(id)) return id
  const base = id.split('/')[0] ?? ''
  return index.byId.has(base) ? base : null
}

/** Actor, target and object of a step as canvas node ids. */
export function highlightOf(step: Step, index: TopologyIndex, firstOfKind: Map<Kind, string>): Highlight {
  return {
    actor: laneNode(step.actor, step, index, firstOfKind),
    target: laneNode(step.target, step, index, firstOfKind),
    object: objectNode(step.object, index),
  }
}

export function firstOfKindMap(index: TopologyIndex): Map<Kind, string> {
  const out = new Map<Kind, string>()
  for (const node of [...index.byId.values()].sort((a, b) => (a.id < b.id ? -1 : 1)))
    if (!out.has(node.kind)) out.set(node.kind, node.id)
  return out
}
