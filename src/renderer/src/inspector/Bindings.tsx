import { disconnectBatch } from '../../../shared/domain/edit-builders'
import type { LabNode, Topology } from '../../../shared/domain/topology'
import { sendBatch } from '../stores/edit-actions'

/** A Supervisor's or cluster's bindings, each with a way to undo it. */
export function Bindings({ node, topology }: { node: LabNode; topology: Topology }) {
  const links = topology.links.filter((l) => l.source === node.id || l.target === node.id)
  if (node.kind !== 'supervisor' && node.kind !== 'cluster') return null
  const name = (id: string) => topology.nodes.find((n) => n.id === id)?.name ?? id
  return (
    <div className="bindings">
      <h3>{node.kind === 'supervisor' ? 'Runs on' : 'Supervisor'}</h3>
      {links.length === 0 ? (
        <p className="muted">
          {node.kind === 'supervisor'
            ? 'Not bound: drag from the Supervisor’s top handle to a cluster.'
            : 'No Supervisor runs on this cluster.'}
        </p>
      ) : null}
      {links.map((l) => (
        <div key={l.id} className="binding">
          <span>{name(node.kind === 'supervisor' ? l.target : l.source)}</span>
          <button
            type="button"
            className="link-button"
            data-testid={`unbind-${l.id}`}
            onClick={() => void sendBatch(disconnectBatch(topology, [l.id]))}
          >
            Unbind
          </button>
        </div>
      ))}
    </div>
  )
}
