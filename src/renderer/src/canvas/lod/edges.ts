import type { Edge } from '@xyflow/react'

/**
 * Edges as the level of detail draws them: an end on a member that is not drawn moves to the
 * container drawn in its place, edges that then join the same two nodes become one (labelled
 * with how many it stands for), and an edge left inside one container is not drawn. Edges whose
 * ends are both drawn are returned as they are (the same array when all are).
 */
export function aggregateEdges(edges: Edge[], drawnAs: (id: string) => string): Edge[] {
  // Most labs link nothing inside a large container: the same array, so React Flow keeps its edges.
  if (edges.every((e) => drawnAs(e.source) === e.source && drawnAs(e.target) === e.target)) return edges
  const out: Edge[] = []
  const merged = new Map<string, { edge: Edge; count: number; at: number }>()
  for (const edge of edges) {
    const source = drawnAs(edge.source)
    const target = drawnAs(edge.target)
    if (source === edge.source && target === edge.target) {
      out.push(edge)
      continue
    }
    if (source === target) continue
    const key = `${source}->${target}`
    const known = merged.get(key)
    if (known) {
      known.count++
      out[known.at] = { ...known.edge, label: `${known.count} links` }
      continue
    }
    const moved: Edge = { ...edge, id: `lod:${key}`, source, target }
    merged.set(key, { edge: moved, count: 1, at: out.length })
    out.push(moved)
  }
  return out
}
