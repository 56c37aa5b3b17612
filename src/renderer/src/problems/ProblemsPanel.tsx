import { useRef, useState } from 'react'

import type { Topology } from '../../../shared/domain/topology'
import { Icon } from '../icons/Icon'
import { ProblemIcon } from './ProblemIcon'
import { ResizeHandle } from '../panels/ResizeHandle'
import { useDisplayNames } from '../stores/display-names'
import { selectLayout, usePanelStore } from '../stores/panel-store'
import { focusObject } from '../stores/selection-store'
import { setPanelLayout } from '../stores/view-state-actions'
import { countLine } from './count-line'
import { useProblems } from './use-problems'

/**
 * Live findings of the domain validation; a row selects and centres the object it concerns.
 * Infos (notes such as unverified sizes) are listed too, but quieter: they need no fix. With
 * nothing to fix the panel folds to its counts, leaving the room to the canvas; the user's
 * own fold and height are kept with the lab.
 */
export function ProblemsPanel({ topology }: { topology: Topology }) {
  const { list } = useProblems(topology)
  const names = useDisplayNames()
  const layout = usePanelStore(selectLayout)
  const [live, setLive] = useState<number | null>(null)
  const panel = useRef<HTMLElement>(null)
  const toFix = list.some((p) => p.severity !== 'info')
  const folded = layout.problemsFolded ?? !toFix
  const height = folded ? undefined : (live ?? layout.problemsHeight)
  return (
    <section
      ref={panel}
      className={`problems${folded ? ' is-folded' : ''}`}
      style={height === undefined ? undefined : { height, maxHeight: 'none' }}
      data-testid="problems"
      data-folded={folded}
      aria-label="Problems"
    >
      {folded ? null : (
        <ResizeHandle
          label="Resize the problems panel"
          testId="problems-resize"
          panel={() => panel.current}
          onResize={setLive}
          onCommit={(h) => {
            setLive(null)
            setPanelLayout({ problemsHeight: h })
          }}
        />
      )}
      <header>
        <button
          type="button"
          className="fold-button problems-toggle"
          data-testid="problems-toggle"
          aria-expanded={!folded}
          aria-controls="problem-list"
          onClick={() => setPanelLayout({ problemsFolded: !folded })}
        >
          <Icon name={folded ? 'chevron-right' : 'chevron-down'} size={12} /> <strong>Problems</strong>
        </button>
        <span className={`problem-counts${toFix ? ' has-issues' : ''}`} data-testid="problem-counts">
          {countLine(list)}
        </span>
      </header>
      {folded ? null : (
        <div className="problem-list" id="problem-list" role="list">
          {list.map((p, i) => (
            <button
              type="button"
              role="listitem"
              key={`${p.code}-${p.objectId}-${i}`}
              className={`problem-row severity-${p.severity}`}
              data-testid="problem-row"
              data-code={p.code}
              data-object={p.objectId}
              data-severity={p.severity}
              onClick={() => focusObject(p.objectId)}
            >
              <ProblemIcon severity={p.severity} />
              <span className="problem-object">{names.name(p.objectId)}</span>
              <span className="problem-message">{p.message}</span>
              <span className="problem-hint">{p.hint}</span>
            </button>
          ))}
        </div>
      )}
    </section>
  )
}
