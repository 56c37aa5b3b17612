import { indexTopology, subtree, type Topology } from '../../../shared/domain/topology'
import type { Box } from '../../../shared/domain/layout/settle'

/** What an image shows: the objects (with what they contain), the links between them, the box. */
export interface ImageScope {
  nodes: Set<string>
  links: Set<string>
  bounds: Box
}

/** Room around the objects in the picture, for the corner badges that sit over their edges. */
export const IMAGE_PADDING = 24

/**
 * The objects an image of the canvas or of the selection shows: every drawn object, or the
 * selected ones with everything inside them (their read-only chips too), and the links whose
 * both ends are shown; the box is theirs plus IMAGE_PADDING. Null when nothing would show.
 */
export function imageScope(
  topology: Topology,
  rects: ReadonlyMap<string, Box>,
  scope: 'canvas' | 'selection',
  selection: readonly string[],
): ImageScope | null {
  const index = indexTopology(topology)
  const nodes = new Set<string>()
  if (scope === 'canvas') for (const id of rects.keys()) nodes.add(id)
  else for (const id of selection) for (const n of subtree(index, id)) if (rects.has(n.id)) nodes.add(n.id)
  const boxes = [...nodes].flatMap((id) => {
    const box = rects.get(id)
    return box ? [box] : []
  })
  if (boxes.length === 0) return null
  const x = Math.min(...boxes.map((b) => b.x)) - IMAGE_PADDING
  const y = Math.min(...boxes.map((b) => b.y)) - IMAGE_PADDING
  const bounds = {
    x,
    y,
    width: Math.max(...boxes.map((b) => b.x + b.width)) + IMAGE_PADDING - x,
    height: Math.max(...boxes.map((b) => b.y + b.height)) + IMAGE_PADDING - y,
  }
  const links = new Set(
    topology.links.filter((l) => nodes.has(l.source) && nodes.has(l.target)).map((l) => l.id),
  )
  return { nodes, links, bounds }
}

/** Whether a read-only chip (`derived:<container>:…`) belongs to a shown container. */
export function chipShown(id: string, nodes: ReadonlySet<string>): boolean {
  const container = /^derived:(.+):[^:]+$/.exec(id)?.[1]
  return container !== undefined && nodes.has(container)
}
