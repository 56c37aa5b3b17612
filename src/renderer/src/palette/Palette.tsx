import type { DragEvent } from 'react'

import { KIND_LABELS, PLACEABLE_KINDS, type PlaceableKind } from '../../../shared/domain/kinds'
import { KindIcon } from '../canvas/KindIcon'
import { PALETTE_MIME } from '../canvas/palette-drop'
import { addFromKeyboard } from './add-from-keyboard'

/** Palette sections in the order a lab is usually built: infrastructure, platform, workloads. */
const SECTIONS: readonly { title: string; kinds: readonly PlaceableKind[] }[] = [
  {
    title: 'Infrastructure',
    kinds: ['vcenter', 'cluster', 'host', 'storage-policy', 'content-library', 'network'],
  },
  { title: 'Platform', kinds: ['supervisor', 'supervisor-service', 'namespace'] },
  { title: 'Workloads', kinds: ['pod', 'deployment', 'vm', 'tkc', 'pvc', 'service'] },
]

const onDragStart = (kind: PlaceableKind) => (e: DragEvent) => {
  e.dataTransfer.setData(PALETTE_MIME, kind)
  e.dataTransfer.effectAllowed = 'move'
}

/** Every kind a user places, dragged onto the canvas or into a container. */
export function Palette() {
  const listed = new Set(SECTIONS.flatMap((s) => s.kinds))
  const missing = PLACEABLE_KINDS.filter((k) => !listed.has(k))
  return (
    <aside className="palette" aria-label="Palette">
      {[...SECTIONS, ...(missing.length ? [{ title: 'Other', kinds: missing }] : [])].map((section) => (
        <section key={section.title}>
          <h3>{section.title}</h3>
          {section.kinds.map((kind) => (
            <div
              key={kind}
              className={`palette-item kind-${kind}`}
              data-testid={`palette-${kind}`}
              draggable
              tabIndex={0}
              role="button"
              onDragStart={onDragStart(kind)}
              onKeyDown={(e) => {
                if (e.key !== 'Enter' && e.key !== ' ') return
                e.preventDefault()
                void addFromKeyboard(kind)
              }}
              title={`Drag a ${KIND_LABELS[kind]} onto the canvas, or press Enter to add it to the selected container`}
            >
              <KindIcon kind={kind} />
              <span>{KIND_LABELS[kind]}</span>
            </div>
          ))}
        </section>
      ))}
      <p className="palette-hint">
        Drag onto the canvas, or Enter to add into the selection. Shift-drag selects; Delete removes; Ctrl+Z
        undoes.
      </p>
    </aside>
  )
}
