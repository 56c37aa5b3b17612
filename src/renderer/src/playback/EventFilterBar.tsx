import { useMemo } from 'react'

import { useDisplayNames } from '../stores/display-names'
import { setFilters } from '../stores/playback-actions'
import { selectFilters, selectSteps, usePlaybackStore } from '../stores/playback-store'
import { filterOptions } from './filter-steps'
import { LAYERS } from './lane-map'

/** Filters shared by the event list and the sequence diagram. */
export function EventFilterBar() {
  const filters = usePlaybackStore(selectFilters)
  const steps = usePlaybackStore(selectSteps)
  const options = useMemo(() => filterOptions(steps), [steps])
  const names = useDisplayNames()
  const objects = useMemo(
    () =>
      options.objects
        .map((id) => ({ value: id, label: names.label(id) }))
        .sort((a, b) => a.label.localeCompare(b.label)),
    [options, names],
  )
  const own = (values: readonly string[]) => values.map((v) => ({ value: v, label: v }))
  const menu = (
    key: 'layer' | 'actor' | 'object',
    label: string,
    values: readonly { value: string; label: string }[],
  ) => (
    <select
      data-testid={`filter-${key}`}
      aria-label={`Filter by ${key}`}
      value={filters[key]}
      onChange={(e) => setFilters({ [key]: e.target.value })}
    >
      <option value="">{label}</option>
      {values.slice(0, 500).map((v) => (
        <option key={v.value} value={v.value}>
          {v.label}
        </option>
      ))}
    </select>
  )
  return (
    <div className="event-filters">
      {menu('layer', 'All layers', own(LAYERS))}
      {menu(
        'actor',
        'All actors',
        options.actors.map((a) => ({ value: a, label: names.lane(a) })),
      )}
      {menu('object', 'All objects', objects)}
      <label>
        <input
          type="checkbox"
          data-testid="filter-failures"
          checked={filters.failuresOnly}
          onChange={(e) => setFilters({ failuresOnly: e.target.checked })}
        />
        Failures only
      </label>
    </div>
  )
}
