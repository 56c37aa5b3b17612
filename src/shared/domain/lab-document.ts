import { z } from 'zod'

import { describeIssues } from './describe-issues'
import { canonicalTopology } from './edits'
import { SPEC_SCHEMAS } from './specs'
import { Topology, type LabNode } from './topology'

/** A lab as a plain document: what the demo resource holds and what lab files round-trip. */
export const LabDocument = z.object({
  name: z.string().min(1),
  description: z.string().default(''),
  topology: Topology,
})
export type LabDocument = z.output<typeof LabDocument>

export class LabDocumentError extends Error {}

/**
 * How a document treats what a later (or earlier) version's rules reject. `refuse` (lab texts,
 * the demo) throws; `keep` (a lab file, someone's work) never refuses the whole lab for one object:
 * a spec its kind's schema rejects is kept as stored (validation shows `spec-invalid` on that
 * object and the engine uses the defaults), and a parent cycle is broken by putting the cycle's
 * first node on the canvas (validation then shows where it belongs).
 */
export type StoredValues = 'refuse' | 'keep'

/**
 * Parses a lab document, fills every spec's defaults and checks structure: unique ids,
 * parents and link ends that exist, no parent cycles. `where` names the source in error messages.
 */
export function parseLabDocument(raw: unknown, where: string, stored: StoredValues = 'refuse'): LabDocument {
  const parsed = LabDocument.safeParse(raw)
  if (!parsed.success) throw new LabDocumentError(`${where}: ${describeIssues(parsed.error)}`)
  const doc = parsed.data
  const ids = new Set<string>()
  const nodes = doc.topology.nodes.map((node, i) => {
    if (ids.has(node.id))
      throw new LabDocumentError(`${where}: nodes[${i}]: the id "${node.id}" is used twice`)
    ids.add(node.id)
    const spec = SPEC_SCHEMAS[node.kind].safeParse(node.spec)
    if (!spec.success && stored === 'keep') return node
    if (!spec.success)
      throw new LabDocumentError(`${where}: nodes[${i}] (${node.name}): spec: ${describeIssues(spec.error)}`)
    return { ...node, spec: spec.data }
  })
  nodes.forEach((node, i) => {
    if (node.parentId !== null && !ids.has(node.parentId))
      throw new LabDocumentError(
        `${where}: nodes[${i}] (${node.name}): parent "${node.parentId}" does not exist`,
      )
  })
  doc.topology.links.forEach((link, i) => {
    for (const end of [link.source, link.target])
      if (!ids.has(end)) throw new LabDocumentError(`${where}: links[${i}]: node "${end}" does not exist`)
  })
  const cycle = firstCycle(nodes)
  if (cycle !== undefined && stored === 'refuse')
    throw new LabDocumentError(`${where}: ${cycle.name} is inside itself (a parent cycle)`)
  const acyclic = stored === 'keep' ? breakCycles(nodes) : nodes
  return { ...doc, topology: canonicalTopology({ nodes: acyclic, links: doc.topology.links }) }
}

/** A node on a parent cycle (the one with the smallest id), or undefined. */
function firstCycle(nodes: readonly LabNode[]): LabNode | undefined {
  const byId = new Map(nodes.map((n) => [n.id, n]))
  const onCycle: LabNode[] = []
  const done = new Set<string>()
  for (const start of nodes) {
    const path = new Set<string>()
    for (let n: LabNode | undefined = start; n && !done.has(n.id); n = byId.get(n.parentId ?? '')) {
      if (path.has(n.id)) {
        onCycle.push(n)
        break
      }
      path.add(n.id)
    }
    for (const id of path) done.add(id)
  }
  return onCycle.sort((a, b) => (a.id < b.id ? -1 : 1))[0]
}

function breakCycles(nodes: LabNode[]): LabNode[] {
  let out = nodes
  for (let cut = firstCycle(out); cut !== undefined; cut = firstCycle(out)) {
    const id = cut.id
    out = out.map((n) => (n.id === id ? { ...n, parentId: null } : n))
  }
  return out
}
