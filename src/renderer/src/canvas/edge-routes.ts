import { routeAround, type Point } from '../../../shared/domain/layout/route-edge'
import type { Box } from '../../../shared/domain/layout/settle'
import type { Link, TopologyIndex } from '../../../shared/domain/topology'

/** Only obstacles this close to a link's two ends are routed around (long detours are rare). */
const REACH = 400
const MOST_OBSTACLES = 150

/**
 * The path of each link (a Supervisor's "runs on" binding) around every card, chip and
 * container between its ends, from the Supervisor's top handle to the cluster's bottom handle
 * as React Flow places them. `boxes` holds every drawn object's absolute box. A link whose
 * ends are hidden, or walled in, gets no route (the edge falls back to a plain step path).
 */
export function linkRoutes(
  links: readonly Link[],
  boxes: ReadonlyMap<string, Box>,
  index: TopologyIndex,
): Map<string, Point[]> {
  const routes = new Map<string, Point[]>()
  for (const link of links) {
    const source = boxes.get(link.source)
    const target = boxes.get(link.target)
    if (!source || !target) continue
    // React Flow puts an edge's ends at the outer edge of the 8 px handles (to-flow.ts).
    const from = { x: source.x + source.width / 2, y: source.y - 4 }
    const to = { x: target.x + target.width / 2, y: target.y + target.height + 4 }
    const around = new Set([...ancestors(index, link.source), ...ancestors(index, link.target)])
    const near = {
      x: Math.min(from.x, to.x) - REACH,
      y: Math.min(from.y, to.y) - REACH,
      width: Math.abs(from.x - to.x) + 2 * REACH,
      height: Math.abs(from.y - to.y) + 2 * REACH,
    }
    const obstacles: Box[] = []
    for (const [id, box] of boxes) if (!around.has(id) && meets(box, near)) obstacles.push(box)
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

const meets = (a: Box, b: Box) =>
  a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height
