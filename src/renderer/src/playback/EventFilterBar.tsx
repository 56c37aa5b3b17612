import { useMemo } from 'react'

import { setFilters } from '../stores/playback-actions'
import { selectFilters, selectSteps, selectTotal, usePlaybackStore } from '../stores/playback-store'
import { filterOptions, isFiltering } from './filter-steps'
import { LAYERS } from './lane-map'

/** Filters shared by the event list and the sequence diagram, over the steps loaded so far. */
export function EventFilterBar() {
  const filters = usePlaybackStore(selectFilters)
  const steps = usePlaybackStore(selectSteps)
  const total = usePlaybackStore(selectTotal)
  const options = useMemo(() => filterOptions(steps), [steps])
  const menu = (key: 'layer' | 'actor' | 'object', label: string, values: readonly string[]) => (
    <select
      data-testid={`filter-${key}`}
      aria-label={`Filter by ${key}`}
      value={filters[key]}
      onChange={(e) => setFilters({ [key]: e.target.value })}
    >
      <option value="">{label}</option>
      {values.slice(0, 500).map((v) => (
        <option key={v} value={v}>
          {v}
        </option>
      ))}
    </select>
  )
  return (
    <div className="event-filters">
      {menu('layer', 'All layers', LAYERS)}
      {menu('actor', 'All actors', options.actors)}
      {menu('object', 'All objects', options.objects)}
      <label>
        <input
          type="checkbox"
          data-testid="filter-failures"
          checked={filters.failuresOnly}
          onChange={(e) => setFilters({ failuresOnly: e.target.checked })}
        />
        Failures only
      </label>
      {isFiltering(filters) && steps.length < total ? (
        // Filters read the steps playback has loaded; the rest load as it plays or seeks on.
        <span className="filter-note" data-testid="filter-note">
          in the first {steps.length.toLocaleString()} of {total.toLocaleString()} steps
        </span>
      ) : null}
    </div>
  )
}
