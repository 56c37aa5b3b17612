import { z } from 'zod'

import { LabNode, Link, NodeId, type Topology } from './topology'

/**
 * What changed between two versions of a topology: nodes and links added or changed (whole),
 * and the ids of those removed. An edit of one node in a 20,000-object lab is one node here,
 * so the lab crosses the process boundary whole only when it opens.
 */
export const TopologyDiff = z.object({
  nodes: z.array(LabNode),
  removedNodes: z.array(NodeId),
  links: z.array(Link),
  removedLinks: z.array(z.string()),
})
export type TopologyDiff = z.output<typeof TopologyDiff>

const byId = (a: { id: string }, b: { id: string }) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0)

const samePosition = (a: LabNode['position'], b: LabNode['position']) => a.x === b.x && a.y === b.y

/** Specs are compared by reference first: edits copy a node but keep the spec it did not touch. */
const sameSpec = (a: LabNode['spec'], b: LabNode['spec']) =>
  a === b || JSON.stringify(a) === JSON.stringify(b)

function sameNode(a: LabNode, b: LabNode): boolean {
  if (a === b) return true
  return (
    a.kind === b.kind &&
    a.name === b.name &&
    a.parentId === b.parentId &&
    samePosition(a.position, b.position) &&
    sameSpec(a.spec, b.spec)
  )
}

const sameLink = (a: Topology['links'][number], b: Topology['links'][number]) =>
  a === b || (a.kind === b.kind && a.source === b.source && a.target === b.target)

function diffById<T extends { id: string }>(
  before: readonly T[],
  after: readonly T[],
  same: (a: T, b: T) => boolean,
): { changed: T[]; removed: string[] } {
  const old = new Map(before.map((x) => [x.id, x]))
  const changed: T[] = []
  for (const x of after) {
    const was = old.get(x.id)
    old.delete(x.id)
    if (!was || !same(was, x)) changed.push(x)
  }
  return { changed, removed: [...old.keys()].sort() }
}

/** The diff that turns `before` into `after`; O(size of the lab), with no deep copies. */
export function diffTopology(before: Topology, after: Topology): TopologyDiff {
  const nodes = diffById(before.nodes, after.nodes, sameNode)
  const links = diffById(before.links, after.links, sameLink)
  return {
    nodes: nodes.changed,
    removedNodes: nodes.removed,
    links: links.changed,
    removedLinks: links.removed,
  }
}

function patch<T extends { id: string }>(
  list: readonly T[],
  changed: readonly T[],
  removed: readonly string[],
) {
  if (changed.length === 0 && removed.length === 0) return list as T[]
  const gone = new Set(removed)
  const next = new Map(changed.map((x) => [x.id, x]))
  const out: T[] = []
  for (const x of list) {
    if (gone.has(x.id)) continue
    const replaced = next.get(x.id)
    next.delete(x.id)
    out.push(replaced ?? x)
  }
  // What is new goes in at its place in id order, the canonical order edits keep.
  return next.size === 0 ? out : [...out, ...next.values()].sort(byId)
}

/**
 * `topology` with `diff` applied: a new topology whose untouched nodes and links are the same
 * objects as before (so memoised views of them stay valid). The input is never mutated.
 */
export function applyTopologyDiff(topology: Topology, diff: TopologyDiff): Topology {
  return {
    nodes: patch(topology.nodes, diff.nodes, diff.removedNodes),
    links: patch(topology.links, diff.links, diff.removedLinks),
  }
}
