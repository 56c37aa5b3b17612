import { z } from 'zod'

import { describeIssues } from './describe-issues'
import { canonicalTopology } from './edits'
import { SPEC_SCHEMAS } from './specs'
import { Topology } from './topology'

/** A lab as a plain document: what the demo resource holds and what lab files round-trip. */
export const LabDocument = z.object({
  name: z.string().min(1),
  description: z.string().default(''),
  topology: Topology,
})
export type LabDocument = z.output<typeof LabDocument>

export class LabDocumentError extends Error {}

/**
 * Parses a lab document, fills every spec's defaults and checks structure: unique ids,
 * parents and link ends that exist. `where` names the source in error messages.
 */
export function parseLabDocument(raw: unknown, where: string): LabDocument {
  const parsed = LabDocument.safeParse(raw)
  if (!parsed.success) throw new LabDocumentError(`${where}: ${describeIssues(parsed.error)}`)
  const doc = parsed.data
  const ids = new Set<string>()
  const nodes = doc.topology.nodes.map((node, i) => {
    if (ids.has(node.id))
      throw new LabDocumentError(`${where}: nodes[${i}]: the id "${node.id}" is used twice`)
    ids.add(node.id)
    const spec = SPEC_SCHEMAS[node.kind].safeParse(node.spec)
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
  return { ...doc, topology: canonicalTopology({ nodes, links: doc.topology.links }) }
}
