import { canonicalTopology, type EditBatch } from '../../shared/domain/edits'
import type { LabNode, Link, Topology } from '../../shared/domain/topology'
import type { Db } from './sqlite'

/**
 * The topology as rows: one per node and one per link, so an edit writes only what it touched.
 * Positions are stored as two REAL columns and specs as JSON text.
 */

interface NodeRow {
  id: string
  kind: LabNode['kind']
  name: string
  parent_id: string | null
  x: number
  y: number
  spec: string
}

export function readTopology(db: Db): Topology {
  const nodes = (db.prepare('SELECT * FROM nodes').all() as NodeRow[]).map((r): LabNode => ({
    id: r.id,
    kind: r.kind,
    name: r.name,
    parentId: r.parent_id,
    position: { x: r.x, y: r.y },
    spec: JSON.parse(r.spec) as Record<string, unknown>,
  }))
  const links = db.prepare('SELECT id, kind, source, target FROM links').all() as Link[]
  // SQLite orders by UTF-8 bytes, JS by UTF-16 units: sort here so the order is the domain's.
  return canonicalTopology({ nodes, links })
}

export function writeNode(db: Db, n: LabNode) {
  db.prepare(
    `INSERT INTO nodes (id, kind, name, parent_id, x, y, spec) VALUES (?, ?, ?, ?, ?, ?, ?)
     ON CONFLICT(id) DO UPDATE SET kind = excluded.kind, name = excluded.name,
       parent_id = excluded.parent_id, x = excluded.x, y = excluded.y, spec = excluded.spec`,
  ).run(n.id, n.kind, n.name, n.parentId, n.position.x, n.position.y, JSON.stringify(n.spec))
}

export function writeLink(db: Db, l: Link) {
  db.prepare(
    `INSERT INTO links (id, kind, source, target) VALUES (?, ?, ?, ?)
     ON CONFLICT(id) DO UPDATE SET kind = excluded.kind, source = excluded.source, target = excluded.target`,
  ).run(l.id, l.kind, l.source, l.target)
}

export function writeTopology(db: Db, topology: Topology) {
  db.prepare('DELETE FROM links').run()
  db.prepare('DELETE FROM nodes').run()
  for (const n of topology.nodes) writeNode(db, n)
  for (const l of topology.links) writeLink(db, l)
}

/** Ids of the nodes and links a batch touches: the rows an edit must rewrite. */
export function touchedIds(batch: EditBatch): { nodes: Set<string>; links: Set<string> } {
  const nodes = new Set<string>()
  const links = new Set<string>()
  for (const edit of batch.edits) {
    switch (edit.type) {
      case 'addNodes':
      case 'removeNodes':
        for (const n of edit.nodes) nodes.add(n.id)
        for (const l of edit.links) links.add(l.id)
        break
      case 'moveNodes':
        for (const m of edit.moves) nodes.add(m.id)
        break
      case 'setSpec':
      case 'rename':
      case 'reparent':
        nodes.add(edit.id)
        break
      case 'connect':
      case 'disconnect':
        links.add(edit.link.id)
        break
    }
  }
  return { nodes, links }
}

/** Writes the rows a batch touched so the tables equal `after` (the topology with the batch applied). */
export function writeTouched(db: Db, batch: EditBatch, after: Topology) {
  const { nodes, links } = touchedIds(batch)
  const nodeById = new Map(after.nodes.map((n) => [n.id, n]))
  const linkById = new Map(after.links.map((l) => [l.id, l]))
  for (const id of links) if (!linkById.has(id)) db.prepare('DELETE FROM links WHERE id = ?').run(id)
  for (const id of nodes) {
    const node = nodeById.get(id)
    if (node) writeNode(db, node)
    else db.prepare('DELETE FROM nodes WHERE id = ?').run(id)
  }
  for (const id of links) {
    const link = linkById.get(id)
    if (link) writeLink(db, link)
  }
}
