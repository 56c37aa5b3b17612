import { describeIssues } from './describe-issues'
import { applyEdit, EditError, type Edit, type EditBatch } from './edits'
import { ALLOWED_PARENTS, KIND_LABELS } from './kinds'
import { sameJson, storable } from './storable'
import { SPEC_SCHEMAS } from './specs'
import { indexTopology, type LabNode, type Link, type NodeId, type Topology } from './topology'

/**
 * The gate every edit passes before it is stored: the service never stores what it cannot
 * reopen, and undo never restores a value that never was. A batch is checked edit by edit
 * against the topology as it stands at that edit:
 * - every value is plain JSON text can hold (no unpaired surrogates, no BigInt, no cycles);
 * - every spec an edit writes parses against its kind's schema (stored with defaults filled);
 * - what an edit says was there (`before`, `from`, the removed nodes and links) is what is there;
 * and the result keeps the containment rules: no parent cycles, each kind only in its allowed
 * parents, links between the kinds they bind. The first failure refuses the whole batch with an
 * EditError naming the edit.
 */
export function checkBatch(topology: Topology, batch: EditBatch): { batch: EditBatch; after: Topology } {
  const label = storable(batch.label, 'the label')
  let current = topology
  const touched = new Map<NodeId, number>()
  const links = new Map<string, number>()
  const edits = batch.edits.map((edit, i) => {
    const where = () =>
      `"${label}" was refused: edit ${i + 1} of ${batch.edits.length} (${describeEdit(edit, current)})`
    try {
      const normal = normalizeEdit(storable(edit, 'the edit'), current)
      checkWasThere(normal, current)
      current = applyEdit(current, normal)
      for (const id of nodesPlaced(normal)) touched.set(id, i)
      for (const link of linksMade(normal)) links.set(link.id, i)
      return normal
    } catch (e) {
      if (e instanceof EditError) throw new EditError(`${where()}: ${e.message}`, e.code)
      throw e
    }
  })
  checkStructure(current, touched, links, (i) => `"${label}" was refused: edit ${i + 1} of ${edits.length}`)
  return { batch: { label, edits }, after: current }
}

const nodeOf = (topology: Topology, id: NodeId) => topology.nodes.find((n) => n.id === id)

/** "ESXi host esxi-01", or the id when there is no such node (the error says so). */
function named(topology: Topology, id: NodeId): string {
  const node = nodeOf(topology, id)
  return node ? `${KIND_LABELS[node.kind]} ${node.name}` : `"${id}"`
}

function describeEdit(edit: Edit, topology: Topology): string {
  switch (edit.type) {
    case 'addNodes':
      return `add ${edit.nodes.map((n) => n.name).join(', ') || 'nothing'}`
    case 'removeNodes':
      return `remove ${edit.nodes.map((n) => n.name).join(', ') || 'nothing'}`
    case 'moveNodes':
      return `move ${edit.moves.map((m) => named(topology, m.id)).join(', ')}`
    case 'setSpec':
      return `settings of ${named(topology, edit.id)}`
    case 'rename':
      return `rename ${named(topology, edit.id)}`
    case 'reparent':
      return `move ${named(topology, edit.id)} into ${edit.to.parentId === null ? 'the canvas' : named(topology, edit.to.parentId)}`
    case 'connect':
    case 'disconnect':
      return `${edit.type} ${named(topology, edit.link.source)} and ${named(topology, edit.link.target)}`
  }
}

/** The spec as its kind's schema reads it (defaults filled), or an `invalid-spec` refusal. */
function parsedSpec(node: Pick<LabNode, 'kind' | 'name'>, spec: unknown): Record<string, unknown> {
  const parsed = SPEC_SCHEMAS[node.kind].safeParse(spec)
  if (!parsed.success)
    throw new EditError(
      `the settings of ${KIND_LABELS[node.kind]} ${node.name} do not fit: ${describeIssues(parsed.error)}`,
      'invalid-spec',
    )
  return storable(parsed.data as Record<string, unknown>, `the settings of ${node.name}`)
}

/** Specs are stored as their kind's schema reads them, so the file reopens to the same lab. */
function normalizeEdit(edit: Edit, topology: Topology): Edit {
  if (edit.type === 'addNodes')
    return { ...edit, nodes: edit.nodes.map((n) => ({ ...n, spec: parsedSpec(n, n.spec) })) }
  if (edit.type === 'setSpec') {
    const node = nodeOf(topology, edit.id)
    if (!node) throw new EditError(`no object with id "${edit.id}"`)
    return { ...edit, after: parsedSpec(node, edit.after) }
  }
  return edit
}

const stale = (what: string, said: unknown, is: unknown) =>
  new EditError(
    `it says ${what} was ${JSON.stringify(said)}, but it is ${JSON.stringify(is)}; reload and try again`,
    'stale-edit',
  )

/** What an edit records as the old value must be the current value, or its undo would invent one. */
function checkWasThere(edit: Edit, topology: Topology): void {
  const node = (id: NodeId) => {
    const found = nodeOf(topology, id)
    if (!found) throw new EditError(`no object with id "${id}"`)
    return found
  }
  const link = (id: string) => {
    const found = topology.links.find((l) => l.id === id)
    if (!found) throw new EditError(`no link with id "${id}"`)
    return found
  }
  const once = (ids: readonly string[], what: string) => {
    const twice = ids.find((id, i) => ids.indexOf(id) !== i)
    if (twice !== undefined) throw new EditError(`it names ${what} "${twice}" twice`)
  }
  switch (edit.type) {
    case 'addNodes':
    case 'connect':
      return
    case 'removeNodes':
      once(
        edit.nodes.map((n) => n.id),
        'the object',
      )
      once(
        edit.links.map((l) => l.id),
        'the link',
      )
      for (const gone of edit.nodes) {
        const is = node(gone.id)
        if (!sameJson(gone, is)) throw stale(`${is.name}`, gone, is)
      }
      for (const gone of edit.links)
        if (!sameJson(gone, link(gone.id))) throw stale('the link', gone, link(gone.id))
      return
    case 'moveNodes':
      once(
        edit.moves.map((m) => m.id),
        'the object',
      )
      for (const m of edit.moves) {
        const is = node(m.id)
        if (!sameJson(m.from, is.position)) throw stale(`the position of ${is.name}`, m.from, is.position)
      }
      return
    case 'setSpec': {
      const is = node(edit.id)
      if (!sameJson(edit.before, is.spec)) throw stale(`the settings of ${is.name}`, edit.before, is.spec)
      return
    }
    case 'rename': {
      const is = node(edit.id)
      if (edit.before !== is.name) throw stale('the name', edit.before, is.name)
      return
    }
    case 'reparent': {
      const is = node(edit.id)
      const was = { parentId: is.parentId, position: is.position }
      if (!sameJson(edit.from, was)) throw stale(`the place of ${is.name}`, edit.from, was)
      return
    }
    case 'disconnect': {
      const is = link(edit.link.id)
      if (!sameJson(edit.link, is)) throw stale('the link', edit.link, is)
      return
    }
  }
}

/** Nodes whose parent an edit sets: the ones the containment rules must be checked for. */
function nodesPlaced(edit: Edit): NodeId[] {
  if (edit.type === 'addNodes') return edit.nodes.map((n) => n.id)
  if (edit.type === 'reparent') return [edit.id]
  return []
}

function linksMade(edit: Edit): Link[] {
  if (edit.type === 'addNodes') return edit.links
  if (edit.type === 'connect') return [edit.link]
  return []
}

/** Containment after the batch: no parent cycles, each kind in an allowed parent, links bind a Supervisor to a cluster. */
function checkStructure(
  topology: Topology,
  placed: ReadonlyMap<NodeId, number>,
  links: ReadonlyMap<string, number>,
  where: (editIndex: number) => string,
): void {
  const index = indexTopology(topology)
  for (const [id, i] of placed) {
    const node = index.byId.get(id)
    if (!node) continue
    const seen = new Set<NodeId>([id])
    for (let p = node.parentId; p !== null; p = index.byId.get(p)?.parentId ?? null)
      if (seen.has(p))
        throw new EditError(
          `${where(i)}: ${KIND_LABELS[node.kind]} ${node.name} would end up inside itself (a parent cycle)`,
          'parent-cycle',
        )
      else seen.add(p)
    const parent = node.parentId === null ? null : (index.byId.get(node.parentId) ?? null)
    const allowed = ALLOWED_PARENTS[node.kind]
    if (!allowed.includes(parent?.kind ?? null)) {
      const names = allowed.map((k) => (k === null ? 'the canvas' : KIND_LABELS[k])).join(' or ')
      throw new EditError(
        `${where(i)}: ${KIND_LABELS[node.kind]} ${node.name} cannot be inside ${parent ? `${KIND_LABELS[parent.kind]} ${parent.name}` : 'the canvas'}; it belongs in ${names}`,
        'parent-not-allowed',
      )
    }
  }
  for (const [id, i] of links) {
    const link = topology.links.find((l) => l.id === id)
    if (!link) continue
    const source = index.byId.get(link.source)
    const target = index.byId.get(link.target)
    if (source?.kind !== 'supervisor' || target?.kind !== 'cluster')
      throw new EditError(
        `${where(i)}: a Supervisor binding links a Supervisor to a vSphere cluster, not ${named(topology, link.source)} to ${named(topology, link.target)}`,
        'parent-not-allowed',
      )
  }
}
