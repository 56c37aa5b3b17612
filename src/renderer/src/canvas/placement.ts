import { ALLOWED_PARENTS, KIND_LABELS, type Kind } from '../../../shared/domain/kinds'
import type { Position, Topology } from '../../../shared/domain/topology'
import { GROUP } from '../../../shared/domain/layout/lab-sizes'
import type { Rect } from './to-flow'

/** How far from a valid container a drop still snaps into it, in flow pixels. */
export const SNAP_DISTANCE = 60

export type Placement =
  { ok: true; parentId: string | null; position: Position } | { ok: false; reason: string }

export interface PlaceRequest {
  kind: Kind
  /** Where the pointer is (absolute flow coordinates): decides the container. */
  point: Position
  /** The box the node would take (absolute); its top-left becomes the position. */
  box: Rect
  /** Nodes that cannot be the container: the dragged node and its subtree. */
  exclude?: ReadonlySet<string>
  /** Refuse root kinds dropped onto a container (palette drops); drags of them may overlap. */
  strictRoot?: boolean
}

const inside = (p: Position, r: Rect) =>
  p.x >= r.x && p.x <= r.x + r.width && p.y >= r.y && p.y <= r.y + r.height
const distance = (p: Position, r: Rect) =>
  Math.hypot(Math.max(r.x - p.x, 0, p.x - r.x - r.width), Math.max(r.y - p.y, 0, p.y - r.y - r.height))

/**
 * Decides where a node dropped at `point` lives: the smallest valid container under the
 * pointer, else the nearest one within SNAP_DISTANCE, else the canvas root if the kind may
 * live there. Refusals carry the reason shown to the user. `rects` holds only visible nodes.
 */
export function placeNode(
  req: PlaceRequest,
  topology: Topology,
  rects: ReadonlyMap<string, Rect>,
): Placement {
  const allowed = ALLOWED_PARENTS[req.kind]
  const byId = new Map(topology.nodes.map((n) => [n.id, n]))
  const candidates: { id: string; rect: Rect }[] = []
  let under: { name: string; kind: Kind; area: number } | null = null
  for (const [id, rect] of rects) {
    const node = byId.get(id)
    if (!node || req.exclude?.has(id)) continue
    if (allowed.includes(node.kind)) candidates.push({ id, rect })
    else if (inside(req.point, rect) && (!under || rect.width * rect.height < under.area))
      under = { name: node.name, kind: node.kind, area: rect.width * rect.height }
  }
  const containing = candidates
    .filter((c) => inside(req.point, c.rect))
    .sort((a, b) => a.rect.width * a.rect.height - b.rect.width * b.rect.height)[0]
  const near = candidates
    .map((c) => ({ ...c, d: distance(req.point, c.rect) }))
    .filter((c) => c.d <= SNAP_DISTANCE)
    .sort((a, b) => a.d - b.d)[0]
  const parent = containing ?? near
  const label = KIND_LABELS[req.kind]
  if (parent) {
    // A child never sits over its container's header or left edge. Where it would cover a
    // sibling, the edit's layout (settleBatch) slides it past, as it does for every edit.
    const position = {
      x: Math.max(GROUP.left, Math.round(req.box.x - parent.rect.x)),
      y: Math.max(GROUP.top, Math.round(req.box.y - parent.rect.y)),
    }
    return { ok: true, parentId: parent.id, position }
  }
  if (allowed.includes(null)) {
    if (req.strictRoot && under)
      return {
        ok: false,
        reason: `A ${label} sits on the canvas itself, not inside ${under.name}: drop it on empty space.`,
      }
    return { ok: true, parentId: null, position: { x: Math.round(req.box.x), y: Math.round(req.box.y) } }
  }
  const where = allowed.map((k) => (k === null ? 'the canvas' : KIND_LABELS[k])).join(' or ')
  const here = under ? `, not in ${KIND_LABELS[under.kind]} ${under.name}` : ''
  return { ok: false, reason: `A ${label} can only be placed inside a ${where}${here}. Drop it onto one.` }
}
