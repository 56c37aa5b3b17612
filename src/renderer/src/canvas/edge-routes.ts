import { routeAround, type Point } from '../../../shared/domain/layout/route-edge'
import type { Box } from '../../../shared/domain/layout/settle'
import type { Link, TopologyIndex } from '../../../shared/domain/topology'

/** A drawn object's absolute box and the container it is drawn in (null on the canvas itself). */
export interface DrawnBox extends Box {
  parentId: string | null
}

/** Beyond this many objects in its way a link keeps React Flow's plain path (routing is quadratic). */
const MOST_OBSTACLES = 60

/**
 * The path of each link (a Supervisor's "runs on" binding) around the objects between its
 * ends, from the Supervisor's top handle to the cluster's bottom handle as React Flow places
 * them. The obstacles are the objects side by side with the containers the path runs in: the
 * roots, and the children of the link's ends' containers (the ends themselves included); what
 * lies inside an obstacle needs no look, the path never enters it. A link whose ends are
 * hidden, or walled in, gets no route (the edge falls back to a plain step path).
 */
export function linkRoutes(
  links: readonly Link[],
  drawn: ReadonlyMap<string, DrawnBox>,
  index: TopologyIndex,
): Map<string, Point[]> {
  const routes = new Map<string, Point[]>()
  for (const link of links) {
    const source = drawn.get(link.source)
    const target = drawn.get(link.target)
    if (!source || !target) continue
    // React Flow puts an edge's ends at the outer edge of the 8 px handles (to-flow.ts).
    const from = { x: source.x + source.width / 2, y: source.y - 4 }
    const to = { x: target.x + target.width / 2, y: target.y + target.height + 4 }
    const around = new Set([...ancestors(index, link.source), ...ancestors(index, link.target)])
    const obstacles: Box[] = []
    for (const [id, box] of drawn)
      if (!around.has(id) && (box.parentId === null || around.has(box.parentId))) obstacles.push(box)
    if (obstacles.length > MOST_OBSTACLES) continue
    const route = routeAround({ from, fromSide: 'top', to, toSide: 'bottom', obstacles })
    if (route) routes.set(link.id, route)
  }
  return routes
}

/** The containers a node sits in: the path has to run inside them to reach it. */
function ancestors(index: TopologyIndex, id: string): string[] {
  const out: string[] = []
  for (let p = index.byId.get(id)?.parentId ?? null; p !== null; p = index.byId.get(p)?.parentId ?? null)
    out.push(p)
  return out
}
