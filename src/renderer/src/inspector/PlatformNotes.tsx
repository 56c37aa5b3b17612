import { resolveTopology } from '../../../shared/domain/resolve'
import { platformNotes } from '../../../shared/domain/rules/platform-notes'
import type { LabNode, Topology } from '../../../shared/domain/topology'

/** The platform facts a node rests on, with what no source confirms said plainly (rules/README.md). */
export function PlatformNotes({ node, topology }: { node: LabNode; topology: Topology }) {
  const notes = platformNotes(resolveTopology(topology), node)
  if (notes.length === 0) return null
  return (
    <ul className="platform-notes muted" data-testid="platform-notes">
      {notes.map((n) => (
        <li key={n}>{n}</li>
      ))}
    </ul>
  )
}
