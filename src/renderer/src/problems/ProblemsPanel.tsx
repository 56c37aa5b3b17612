import type { Topology } from '../../../shared/domain/topology'
import { Icon } from '../icons/Icon'
import { focusObject } from '../stores/selection-store'
import { countLine } from './count-line'
import { useProblems } from './use-problems'

/**
 * Live findings of the domain validation; a row selects and centres the object it concerns.
 * Infos (notes such as unverified sizes) are listed too, but quieter: they need no fix.
 */
export function ProblemsPanel({ topology }: { topology: Topology }) {
  const { list } = useProblems(topology)
  const names = new Map(topology.nodes.map((n) => [n.id, n.name]))
  return (
    <section className="problems" data-testid="problems" aria-label="Problems">
      <header>
        <strong>Problems</strong>
        <span className="muted" data-testid="problem-counts">
          {countLine(list)}
        </span>
      </header>
      <div className="problem-list" role="list">
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
            <span className="problem-severity">
              <Icon name={p.severity} label={p.severity} />
            </span>
            <span className="problem-object">{names.get(p.objectId) ?? p.objectId}</span>
            <span className="problem-message">{p.message}</span>
            <span className="problem-hint">{p.hint}</span>
          </button>
        ))}
      </div>
    </section>
  )
}
