import { z } from 'zod'

import { LabNode, Link, NodeId, Position, type Topology } from './topology'

/**
 * Edits are the only way a topology changes. Each carries what it needs to be inverted
 * exactly, so undo and redo are exact and can be stored in the lab's journal.
 */
export const Edit = z.discriminatedUnion('type', [
  /** Adds nodes (parents before children) and links; inverse of removeNodes. */
  z.object({ type: z.literal('addNodes'), nodes: z.array(LabNode), links: z.array(Link) }),
  /** Removes nodes and links as they were, so they can be put back. */
  z.object({ type: z.literal('removeNodes'), nodes: z.array(LabNode), links: z.array(Link) }),
  z.object({
    type: z.literal('moveNodes'),
    moves: z.array(z.object({ id: NodeId, from: Position, to: Position })),
  }),
  z.object({
    type: z.literal('setSpec'),
    id: NodeId,
    before: z.record(z.string(), z.unknown()),
    after: z.record(z.string(), z.unknown()),
  }),
  z.object({ type: z.literal('rename'), id: NodeId, before: z.string(), after: z.string() }),
  z.object({
    type: z.literal('reparent'),
    id: NodeId,
    from: z.object({ parentId: NodeId.nullable(), position: Position }),
    to: z.object({ parentId: NodeId.nullable(), position: Position }),
  }),
  z.object({ type: z.literal('connect'), link: Link }),
  z.object({ type: z.literal('disconnect'), link: Link }),
])
export type Edit = z.output<typeof Edit>

/** A user action: one or more edits that undo and redo as one step. */
export const EditBatch = z.object({ label: z.string(), edits: z.array(Edit).min(1) })
export type EditBatch = z.output<typeof EditBatch>

/** Why an edit cannot be applied; each cause has its own code (LAB_ERROR_CODES). */
export type EditRefusalCode =
  'edit-refused' | 'stale-edit' | 'invalid-spec' | 'parent-not-allowed' | 'parent-cycle'

export class EditError extends Error {
  constructor(
    message: string,
    readonly code: EditRefusalCode = 'edit-refused',
  ) {
    super(message)
  }
}

/** Nodes and links are kept sorted by id, so a topology has one canonical form and undo is exact. */
const byId = (a: { id: string }, b: { id: string }) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0)

/** Puts a topology in canonical order (sorted by id); edits keep it that way. */
export function canonicalTopology(topology: Topology): Topology {
  return { nodes: [...topology.nodes].sort(byId), links: [...topology.links].sort(byId) }
}

export function invertEdit(edit: Edit): Edit {
  switch (edit.type) {
    case 'addNodes':
      return { type: 'removeNodes', nodes: edit.nodes, links: edit.links }
    case 'removeNodes':
      return { type: 'addNodes', nodes: edit.nodes, links: edit.links }
    case 'moveNodes':
      return { type: 'moveNodes', moves: edit.moves.map((m) => ({ id: m.id, from: m.to, to: m.from })) }
    case 'setSpec':
      return { ...edit, before: edit.after, after: edit.before }
    case 'rename':
      return { ...edit, before: edit.after, after: edit.before }
    case 'reparent':
      return { ...edit, from: edit.to, to: edit.from }
    case 'connect':
      return { type: 'disconnect', link: edit.link }
    case 'disconnect':
      return { type: 'connect', link: edit.link }
  }
}

/** Inverse of a batch: the inverted edits in reverse order. */
export function invertBatch(batch: EditBatch): EditBatch {
  return { label: batch.label, edits: [...batch.edits].reverse().map(invertEdit) }
}

/**
 * Applies one edit and returns a new topology; the input is never mutated. Throws EditError
 * when the edit does not fit the topology (a missing node, a duplicate id, a stale `before`),
 * so a journal that went out of step is caught instead of silently diverging.
 */
export function applyEdit(topology: Topology, edit: Edit): Topology {
  const ids = new Set(topology.nodes.map((n) => n.id))
  const need = (id: NodeId) => {
    if (!ids.has(id)) throw new EditError(`no node with id "${id}"`)
  }
  const mapNode = (id: NodeId, f: (n: LabNode) => LabNode): Topology => {
    need(id)
    return { ...topology, nodes: topology.nodes.map((n) => (n.id === id ? f(n) : n)) }
  }
  switch (edit.type) {
    case 'addNodes': {
      for (const node of edit.nodes) {
        if (ids.has(node.id)) throw new EditError(`a node with id "${node.id}" already exists`)
        ids.add(node.id)
      }
      for (const node of edit.nodes)
        if (node.parentId !== null && !ids.has(node.parentId))
          throw new EditError(`parent "${node.parentId}" of "${node.id}" does not exist`)
      const linkIds = new Set(topology.links.map((l) => l.id))
      for (const link of edit.links) {
        if (linkIds.has(link.id)) throw new EditError(`a link with id "${link.id}" already exists`)
        need(link.source)
        need(link.target)
      }
      return {
        nodes: [...topology.nodes, ...edit.nodes].sort(byId),
        links: [...topology.links, ...edit.links].sort(byId),
      }
    }
    case 'removeNodes': {
      const gone = new Set(edit.nodes.map((n) => n.id))
      for (const id of gone) need(id)
      const orphan = topology.nodes.find(
        (n) => !gone.has(n.id) && n.parentId !== null && gone.has(n.parentId),
      )
      if (orphan) throw new EditError(`removing the parent of "${orphan.id}" would orphan it`)
      const goneLinks = new Set(edit.links.map((l) => l.id))
      const dangling = topology.links.find(
        (l) => !goneLinks.has(l.id) && (gone.has(l.source) || gone.has(l.target)),
      )
      if (dangling) throw new EditError(`link "${dangling.id}" still points at a removed node`)
      return {
        nodes: topology.nodes.filter((n) => !gone.has(n.id)),
        links: topology.links.filter((l) => !goneLinks.has(l.id)),
      }
    }
    case 'moveNodes': {
      const to = new Map(edit.moves.map((m) => [m.id, m.to]))
      for (const id of to.keys()) need(id)
      return {
        ...topology,
        nodes: topology.nodes.map((n) => ({ ...n, position: to.get(n.id) ?? n.position })),
      }
    }
    case 'setSpec':
      return mapNode(edit.id, (n) => ({ ...n, spec: edit.after }))
    case 'rename':
      return mapNode(edit.id, (n) => ({ ...n, name: edit.after }))
    case 'reparent': {
      for (let p = edit.to.parentId; p !== null;) {
        need(p)
        if (p === edit.id)
          throw new EditError(`"${edit.id}" cannot be moved into its own subtree`, 'parent-cycle')
        p = topology.nodes.find((n) => n.id === p)?.parentId ?? null
      }
      return mapNode(edit.id, (n) => ({ ...n, parentId: edit.to.parentId, position: edit.to.position }))
    }
    case 'connect': {
      need(edit.link.source)
      need(edit.link.target)
      if (topology.links.some((l) => l.id === edit.link.id))
        throw new EditError(`a link with id "${edit.link.id}" already exists`)
      return { ...topology, links: [...topology.links, edit.link].sort(byId) }
    }
    case 'disconnect': {
      if (!topology.links.some((l) => l.id === edit.link.id))
        throw new EditError(`no link with id "${edit.link.id}"`)
      return { ...topology, links: topology.links.filter((l) => l.id !== edit.link.id) }
    }
  }
}

export function applyBatch(topology: Topology, batch: EditBatch): Topology {
  return batch.edits.reduce(applyEdit, topology)
}
