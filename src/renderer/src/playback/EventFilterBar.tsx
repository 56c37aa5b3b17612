import { useMemo } from 'react'

import { setFilters } from '../stores/playback-actions'
import { selectFilters, selectSteps, usePlaybackStore } from '../stores/playback-store'
import { selectSingle, useSelectionStore } from '../stores/selection-store'
import { filterOptions, objectMenu } from './filter-steps'
import { LAYERS } from './lane-map'

/** Choices a menu lists at most: a select of thousands is slow to open and useless to scroll. */
const MENU_LIMIT = 500

/** Filters shared by the event list and the sequence diagram. */
export function EventFilterBar() {
  const filters = usePlaybackStore(selectFilters)
  const steps = usePlaybackStore(selectSteps)
  const selected = useSelectionStore(selectSingle)
  const options = useMemo(() => filterOptions(steps), [steps])
  const objects = useMemo(() => objectMenu(options.objects, selected, MENU_LIMIT), [options, selected])
  const menu = (key: 'layer' | 'actor' | 'object', label: string, values: readonly string[]) => (
    <select
      data-testid={`filter-${key}`}
      aria-label={`Filter by ${key}`}
      value={filters[key]}
      onChange={(e) => setFilters({ [key]: e.target.value })}
    >
      <option value="">{label}</option>
      {values.slice(0, MENU_LIMIT).map((v) => (
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
