import type { Placement } from '../../../shared/engine/types'
import { Icon } from '../icons/Icon'

const ghz = (mhz: number) => `${(mhz / 1000).toFixed(1)} GHz`
const gib = (mib: number) => `${(mib / 1024).toFixed(1)} GiB`

/**
 * Per-host placement verdicts: scheduler filters and score, DRS capacity, active usage and pick,
 * and one column per rule that keeps VMs apart (hard or soft, its source on hover).
 */
export function PlacementTable({ placement }: { placement: Placement }) {
  return (
    <div className="placement">
      <p className="placement-why" data-testid="placement-explanation">
        <strong>{placement.by}:</strong> {placement.explanation}
      </p>
      {placement.rows.length === 0 ? <p className="step-text">Loading the per-host table…</p> : null}
      <table data-testid="placement-table">
        <thead>
          <tr>
            <th>Host</th>
            <th>Filters</th>
            <th>Score</th>
            <th>Unreserved</th>
            <th>Needs</th>
            <th>Active</th>
            <th>DRS</th>
            {placement.rules?.map((rule) => (
              <th key={rule.id} title={rule.source}>
                {rule.hard ? 'Hard' : 'Soft'}: {rule.name}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {placement.rows.map((r) => (
            <tr key={r.host} className={r.chosen ? 'is-chosen' : ''} data-host={r.host}>
              <td>
                {r.chosen ? <Icon name="star" size={12} label="chosen" /> : null}
                {r.hostName}
              </td>
              <td>
                {r.filters.length === 0
                  ? '—'
                  : r.filters.every((f) => f.pass)
                    ? 'pass'
                    : r.filters
                        .filter((f) => !f.pass)
                        .map((f) => `${f.filter}: ${f.reason ?? 'rejected'}`)
                        .join('; ')}
              </td>
              <td>{r.score ?? '—'}</td>
              <td>
                {ghz(r.unreservedCpuMhz)} / {gib(r.unreservedMemoryMiB)}
              </td>
              <td>
                {ghz(r.needCpuMhz)} / {gib(r.needMemoryMiB)}
              </td>
              <td>
                {ghz(r.activeCpuMhz)} / {gib(r.activeMemoryMiB)}
              </td>
              <td>
                {r.drs === null ? '—' : r.drs.pass ? (r.chosen ? 'picked' : 'fits') : (r.drs.reason ?? 'no')}
              </td>
              {placement.rules?.map((rule, i) => (
                <td key={rule.id} data-rule={rule.id}>
                  {r.rules?.[i] === undefined
                    ? '—'
                    : r.rules[i].pass
                      ? 'apart'
                      : (r.rules[i].reason ?? 'shares')}
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  )
}
