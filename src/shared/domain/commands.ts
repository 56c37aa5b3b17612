import type { EditBatch } from './edits'
import type { Kind } from './kinds'
import { copyName } from './names'
import { defaultSpec } from './specs'
import {
  indexTopology,
  subtree,
  type LabNode,
  type Link,
  type NodeId,
  type Position,
  type Topology,
} from './topology'

/**
 * Builders that turn a user's intent into an edit batch against the current topology.
 * Ids come from the caller (`newId`), so these stay pure and deterministic.
 */

export function addNodeBatch(
  kind: Kind,
  name: string,
  parentId: NodeId | null,
  position: Position,
  id: NodeId,
): EditBatch {
  const node: LabNode = {
    id,
    kind,
    name,
    parentId,
    position,
    spec: defaultSpec(kind),
  }
  return { label: `Add ${name}`, edits: [{ type: 'addNodes', nodes: [node], links: [] }] }
}

/** Deletes the nodes with their subtrees and every link touching them, as one undo step. */
export function deleteSubtreesBatch(topology: Topology, ids: readonly NodeId[]): EditBatch | null {
  const index = indexTopology(topology)
  const gone = new Map<NodeId, LabNode>()
  for (const id of ids) for (const node of subtree(index, id)) gone.set(node.id, node)
  if (gone.size === 0) return null
  const links = topology.links.filter((l) => gone.has(l.source) || gone.has(l.target))
  const nodes = [...gone.values()]
  const label = nodes.length === 1 ? `Delete ${nodes[0]?.name ?? ''}` : `Delete ${nodes.length} objects`
  return { label, edits: [{ type: 'removeNodes', nodes, links }] }
}

/**
 * Copies subtrees with their internal links; every copy gets a fresh name (`web-copy`), since
 * vCenter wants host and namespace names unique. Links to nodes outside the copy are dropped,
 * since a copy must not bind itself to the original's partners.
 */
export function duplicateSubtreesBatch(
  topology: Topology,
  rootIds: readonly NodeId[],
  newId: (old: NodeId) => NodeId,
  offset: Position = { x: 40, y: 40 },
): EditBatch | null {
  const index = indexTopology(topology)
  const idMap = new Map<NodeId, NodeId>()
  const nodes: LabNode[] = []
  const namesUsed = new Set(topology.nodes.map((n) => n.name))
  for (const rootId of rootIds) {
    if (idMap.has(rootId)) continue
    for (const node of subtree(index, rootId)) {
      const id = newId(node.id)
      idMap.set(node.id, id)
      const isRoot = node.id === rootId
      const name = copyName(node.name, namesUsed)
      namesUsed.add(name)
      nodes.push({
        ...node,
        id,
        name,
        parentId: isRoot ? node.parentId : (idMap.get(node.parentId ?? '') ?? node.parentId),
        position: isRoot ? { x: node.position.x + offset.x, y: node.position.y + offset.y } : node.position,
        spec: structuredCloneJson(node.spec),
      })
    }
  }
  if (nodes.length === 0) return null
  const links: Link[] = []
  for (const link of topology.links) {
    const source = idMap.get(link.source)
    const target = idMap.get(link.target)
    if (source && target) links.push({ ...link, id: newId(link.id), source, target })
  }
  return { label: `Duplicate ${nodes[0]?.name ?? ''}`, edits: [{ type: 'addNodes', nodes, links }] }
}

function structuredCloneJson<T>(value: T): T {
  return JSON.parse(JSON.stringify(value)) as T
}
