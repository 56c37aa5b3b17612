import type { Edge } from '@xyflow/react'

import type { LabFlowNode } from '../to-flow'

/**
 * `next` with every node equal to its counterpart in `previous` replaced by that counterpart:
 * toFlow maps the whole lab anew on each change, and React Flow re-renders each node whose
 * object is new. Opening one container of a large lab then redraws it and what moved, not the
 * hundreds of hosts and cards around it. Equal: same place, size, type, state and data values.
 */
export function keepUnchanged(previous: readonly LabFlowNode[], next: LabFlowNode[]): LabFlowNode[] {
  if (previous.length === 0) return next
  const before = new Map(previous.map((n) => [n.id, n]))
  return next.map((n) => {
    const old = before.get(n.id)
    return old && sameNode(old, n) ? old : n
  })
}

function sameNode(a: LabFlowNode, b: LabFlowNode): boolean {
  return (
    a.type === b.type &&
    a.parentId === b.parentId &&
    a.position.x === b.position.x &&
    a.position.y === b.position.y &&
    a.width === b.width &&
    a.height === b.height &&
    a.hidden === b.hidden &&
    a.selected === b.selected &&
    a.zIndex === b.zIndex &&
    a.draggable === b.draggable &&
    equal(a.data, b.data, 3)
  )
}

/**
 * Values equal: the same, or plain objects and arrays whose entries are equal, `depth` levels
 * down (the platform-created objects and the level of detail's extras are built anew each time).
 */
function equal(a: unknown, b: unknown, depth: number): boolean {
  if (Object.is(a, b)) return true
  if (depth === 0 || !plain(a) || !plain(b) || Array.isArray(a) !== Array.isArray(b)) return false
  const keys = Object.keys(a)
  if (keys.length !== Object.keys(b).length) return false
  return keys.every((k) => equal(a[k], b[k], depth - 1))
}

const plain = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && (Object.getPrototypeOf(v) === Object.prototype || Array.isArray(v))

/** The canvas's nodes and edges kept against what it returned last time. */
export class StableFlow {
  private nodes: LabFlowNode[] = []
  private edges: Edge[] = []

  keep<T extends { nodes: LabFlowNode[]; edges: Edge[] }>(next: T): T {
    this.nodes = keepUnchanged(this.nodes, next.nodes)
    this.edges = keepUnchangedEdges(this.edges, next.edges)
    return { ...next, nodes: this.nodes, edges: this.edges }
  }
}

/**
 * `next` edges, each equal to its counterpart in `previous` replaced by it (or `previous` itself
 * when all are): a new edge object makes React Flow draw it again, and an edge's label is
 * measured with a layout of the whole page.
 */
export function keepUnchangedEdges(previous: readonly Edge[], next: Edge[]): Edge[] {
  if (previous.length !== next.length) return next
  const kept = next.map((e, i) => (previous[i] && equal(previous[i], e, 2) ? previous[i] : e))
  return kept.every((e, i) => e === previous[i]) ? (previous as Edge[]) : kept
}
