import type { LabNode, Topology } from '../../../shared/domain/topology'

/** Each node's name, and `parent/name` for a node in a container (how kubectl names a pod). */
const qualified = new WeakMap<Topology, { node: LabNode; name: string; path: string }[]>()

function namesOf(topology: Topology) {
  let list = qualified.get(topology)
  if (!list) {
    const byId = new Map(topology.nodes.map((n) => [n.id, n]))
    list = topology.nodes.map((node) => {
      const name = node.name.toLowerCase()
      const parent = node.parentId === null ? undefined : byId.get(node.parentId)
      return { node, name, path: parent ? `${parent.name.toLowerCase()}/${name}` : name }
    })
    qualified.set(topology, list)
  }
  return list
}

/**
 * The nodes a search finds, in the lab's order: by name, or by `namespace/name` when the query
 * has a slash (pod names repeat across namespaces: `team-44/fn-0111` names one of 20,000).
 */
export function searchMatches(topology: Topology, query: string): LabNode[] {
  const q = query.trim().toLowerCase()
  if (!q) return []
  // The box renders again on Enter (to step to the next match): the same search, not a new one.
  if (last?.topology === topology && last.q === q) return last.matches
  const key = q.includes('/') ? 'path' : 'name'
  const matches = namesOf(topology)
    .filter((entry) => entry[key].includes(q))
    .map((entry) => entry.node)
  last = { topology, q, matches }
  return matches
}

let last: { topology: Topology; q: string; matches: LabNode[] } | null = null
