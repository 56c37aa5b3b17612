import { addNodeBatch } from '../../../shared/domain/commands'
import { connectBatch } from '../../../shared/domain/edit-builders'
import type { EditBatch } from '../../../shared/domain/edits'
import { KIND_LABELS, type PlaceableKind } from '../../../shared/domain/kinds'
import { uniqueName } from '../../../shared/domain/names'
import type { Position, Topology } from '../../../shared/domain/topology'
import { newId } from './new-id'
import { placeNode, type Placement } from './placement'
import { cardSize, GROUP, GROUP_KINDS } from '../../../shared/domain/layout/lab-sizes'
import type { Rect } from './to-flow'

/** The MIME type a palette item carries in an HTML5 drag. */
export const PALETTE_MIME = 'application/x-pacific-lab-kind'

/** Where a dropped node's top-left sits relative to the pointer: the pointer lands on its header. */
const GRAB = { x: 20, y: 16 } as const

/**
 * The batch that creates a `kind` dropped at `point`, or the reason it is refused. A new
 * Supervisor binds itself to the only cluster without one, and uses the only network stack.
 */
export function dropBatch(
  kind: PlaceableKind,
  point: Position,
  topology: Topology,
  rects: ReadonlyMap<string, Rect>,
): { batch: EditBatch; id: string } | Extract<Placement, { ok: false }> {
  const name = uniqueName(kind, new Set(topology.nodes.map((n) => n.name)))
  const size = GROUP_KINDS.has(kind)
    ? { width: GROUP.minWidth, height: GROUP.minHeight }
    : cardSize({ kind, name })
  const box = { x: point.x - GRAB.x, y: point.y - GRAB.y, ...size }
  const placed = placeNode({ kind, point, box, strictRoot: true }, topology, rects)
  if (!placed.ok) return placed
  const id = newId(kind)
  const batch = addNodeBatch(kind, name, placed.parentId, placed.position, id)
  if (kind !== 'supervisor') return { batch, id }
  const networks = topology.nodes.filter((n) => n.kind === 'network')
  const add = batch.edits[0]
  if (networks.length === 1 && add?.type === 'addNodes' && add.nodes[0])
    add.nodes[0].spec = { ...add.nodes[0].spec, network: networks[0]?.name ?? '' }
  const bound = new Set(topology.links.map((l) => l.target))
  const free = topology.nodes.filter((n) => n.kind === 'cluster' && !bound.has(n.id))
  const only = free.length === 1 ? free[0] : undefined
  if (!only) return { batch, id }
  const link = { id: newId('link'), kind: 'supervisor-cluster' as const, source: id, target: only.id }
  const withNode = {
    nodes: [...topology.nodes, ...(add?.type === 'addNodes' ? add.nodes : [])],
    links: topology.links,
  }
  const connect = connectBatch(withNode, link)
  return {
    id,
    batch: {
      label: `Add ${name} bound to ${only.name}`,
      edits: [...batch.edits, ...(connect?.edits ?? [])],
    },
  }
}

/** Why a Supervisor-to-cluster binding is refused, or null when it may be made. */
export function bindProblem(topology: Topology, source: string, target: string): string | null {
  const s = topology.nodes.find((n) => n.id === source)
  const t = topology.nodes.find((n) => n.id === target)
  if (s?.kind !== 'supervisor' || t?.kind !== 'cluster')
    return `Only a Supervisor can be bound, and only to a ${KIND_LABELS.cluster}.`
  const other = topology.links.find((l) => l.target === target)
  if (other) {
    const name = topology.nodes.find((n) => n.id === other.source)?.name ?? other.source
    return `Cluster ${t.name} already runs Supervisor ${name}; a cluster hosts one Supervisor.`
  }
  const zones = typeof s.spec['zones'] === 'number' ? s.spec['zones'] : 1
  const count = topology.links.filter((l) => l.source === source).length
  if (count >= zones)
    return `Supervisor ${s.name} has ${zones} zone${zones === 1 ? '' : 's'} and is bound already; set zones to 3 to span three clusters.`
  return null
}
