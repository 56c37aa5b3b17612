import { memo, useMemo } from 'react'

import { KIND_LABELS, type Kind } from '../../../../shared/domain/kinds'
import type { LabNode } from '../../../../shared/domain/topology'

import type { LodContainer } from './plan'
import { useQuotaShares, useSpark, useStatusCounts } from './run-hooks'
import { Sparkline } from './Sparkline'
import { toneOf } from './tones'

/** How many statuses a card names; the rest are summed as "other". */
const SHOWN = 4

export interface MemberProblems {
  errors: number
  warnings: number
}

/**
 * The body of a large container drawn as a summary card: its members by status at the current
 * step, its quota use and a sparkline of the run when a run is loaded, its members' problems.
 */
export const SummaryBody = memo(function SummaryBody({
  container,
  containerOf,
  problems,
}: {
  container: LodContainer
  containerOf: ReadonlyMap<string, string>
  problems: MemberProblems
}) {
  const counts = useStatusCounts(container)
  const spark = useSpark(container.id, containerOf)
  const quota = useQuotaShares(container.id)
  const [cpu, memory] = (quota ?? '|').split('|')
  const kinds = useMemo(() => kindCounts(container.members), [container.members])
  return (
    <div className="lod-summary" data-testid={`lod-summary-${container.id}`}>
      <div className="lod-line lod-total">
        {kinds.map(([kind, n]) => (
          <span key={kind}>
            <b>{n.toLocaleString('en')}</b> {KIND_LABELS[kind]}
            {n === 1 ? '' : 's'}
          </span>
        ))}
      </div>
      {counts ? <StatusCounts line={counts} /> : <div className="lod-line muted">Not provisioned</div>}
      {problems.errors + problems.warnings > 0 ? (
        <div className="lod-line lod-problems" data-testid="lod-problems">
          {problems.errors > 0 ? <span className="tone-bad">{problems.errors} with errors</span> : null}
          {problems.warnings > 0 ? (
            <span className="tone-busy">{problems.warnings} with warnings</span>
          ) : null}
        </div>
      ) : null}
      {cpu ? <Bar label="CPU" share={Number(cpu)} /> : null}
      {memory ? <Bar label="Mem" share={Number(memory)} /> : null}
      {spark ? <Sparkline spark={spark} label="Running" /> : null}
    </div>
  )
})

function StatusCounts({ line }: { line: string }) {
  const pairs = line.split('|').map((p) => {
    const at = p.lastIndexOf(':')
    return [p.slice(0, at), Number(p.slice(at + 1))] as const
  })
  const other = pairs.slice(SHOWN).reduce((sum, [, n]) => sum + n, 0)
  return (
    <div className="lod-line lod-counts" data-testid="lod-counts">
      {pairs.slice(0, SHOWN).map(([status, n]) => (
        <span key={status} className={`lod-count tone-${toneOf(status)}`} data-status={status}>
          <b>{n}</b> {status}
        </span>
      ))}
      {other > 0 ? (
        <span className="lod-count">
          <b>{other}</b> other
        </span>
      ) : null}
    </div>
  )
}

function Bar({ label, share }: { label: string; share: number }) {
  const percent = Math.round(share * 100)
  return (
    <div className="lod-bar" title={`${label} ${percent}% of the namespace's quota`}>
      <span className="lod-bar-label">{label}</span>
      <span className="lod-bar-track">
        <span
          className={`lod-bar-fill${share > 0.9 ? ' is-high' : ''}`}
          style={{ width: `${Math.min(100, percent)}%` }}
        />
      </span>
      <span className="lod-bar-value">{percent}%</span>
    </div>
  )
}

/** How many members of each kind, most numerous first. */
export function kindCounts(members: readonly LabNode[]): [Kind, number][] {
  const counts = new Map<Kind, number>()
  for (const m of members) counts.set(m.kind, (counts.get(m.kind) ?? 0) + 1)
  return [...counts].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))
}
