import { useDeferredValue } from 'react'

import { KIND_LABELS } from '../../../shared/domain/kinds'
import type { Topology } from '../../../shared/domain/topology'
import { KindIcon } from '../canvas/KindIcon'
import { derivedObjects, isDerivedId } from '../../../shared/domain/derived-objects'
import { deleteSelection, duplicate } from '../stores/edit-actions'
import { selectSelection, useSelectionStore } from '../stores/selection-store'
import { Bindings } from './Bindings'
import { PlatformNotes } from './PlatformNotes'
import { SpecForm } from './SpecForm'

/** The right-hand panel: the selected object's settings, or what to do when none is. */
export function Inspector({ topology, readOnly }: { topology: Topology; readOnly: boolean }) {
  // The canvas shows a new selection first; the form follows in the next, interruptible render.
  const selection = useDeferredValue(useSelectionStore(selectSelection))
  return (
    <aside className="inspector" data-testid="inspector" aria-label="Inspector">
      <InspectorBody topology={topology} selection={selection} readOnly={readOnly} />
    </aside>
  )
}

function InspectorBody({
  topology,
  selection,
  readOnly,
}: {
  topology: Topology
  selection: readonly string[]
  readOnly: boolean
}) {
  if (selection.length === 0)
    return (
      <p className="muted">
        Select an object to see its settings. Drag kinds from the palette to build the lab.
      </p>
    )
  if (selection.length > 1)
    return (
      <div>
        <h2>{selection.length} objects selected</h2>
        <Actions />
      </div>
    )
  const id = selection[0] ?? ''
  if (isDerivedId(id)) {
    const chip = [...derivedObjects(topology).values()].flat().find((d) => d.id === id)
    return chip ? (
      <div className="inspector-readonly">
        <h2>
          <KindIcon kind={chip.kind} /> {chip.name}
        </h2>
        <p className="kind-line">{KIND_LABELS[chip.kind]} · read-only</p>
        <p>{chip.note}</p>
      </div>
    ) : null
  }
  const link = topology.links.find((l) => l.id === id)
  if (link) {
    const name = (nid: string) => topology.nodes.find((n) => n.id === nid)?.name ?? nid
    return (
      <div>
        <h2>Supervisor binding</h2>
        <p>
          Supervisor {name(link.source)} runs on cluster {name(link.target)}.
        </p>
        <button type="button" onClick={() => void deleteSelection()}>
          Unbind
        </button>
      </div>
    )
  }
  const node = topology.nodes.find((n) => n.id === id)
  if (!node) return null
  return (
    <div className={readOnly ? 'is-readonly' : ''}>
      <h2>
        <KindIcon kind={node.kind} /> {node.name}
      </h2>
      <p className="kind-line">{KIND_LABELS[node.kind]}</p>
      <PlatformNotes node={node} topology={topology} />
      <fieldset disabled={readOnly} className="plain">
        <SpecForm key={node.id} node={node} topology={topology} />
        <Bindings node={node} topology={topology} />
      </fieldset>
      <Actions />
    </div>
  )
}

function Actions() {
  return (
    <div className="inspector-actions">
      <button type="button" onClick={() => void duplicate()} title="Ctrl/Cmd+D">
        Duplicate
      </button>
      <button type="button" className="danger" onClick={() => void deleteSelection()} title="Delete">
        Delete
      </button>
    </div>
  )
}
