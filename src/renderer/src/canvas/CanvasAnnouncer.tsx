import { kindLabel } from '../../../shared/engine/display-names'
import type { Topology } from '../../../shared/domain/topology'

/**
 * What a screen reader hears on the canvas: how to travel it, and the object the keyboard
 * reached (its name and kind), as the selection changes.
 */
export function CanvasAnnouncer({
  topology,
  selection,
}: {
  topology: Topology
  selection: readonly string[]
}) {
  const node = selection.length === 1 ? topology.nodes.find((n) => n.id === selection[0]) : undefined
  return (
    <>
      <p id="canvas-keys" className="visually-hidden">
        Arrow keys move between objects, Enter edits the selected one in the inspector, Escape clears the
        selection.
      </p>
      <p className="visually-hidden" aria-live="polite" data-testid="canvas-announcer">
        {node
          ? `${node.name}, ${kindLabel(node.kind)}`
          : selection.length > 1
            ? `${selection.length} objects selected`
            : ''}
      </p>
    </>
  )
}
