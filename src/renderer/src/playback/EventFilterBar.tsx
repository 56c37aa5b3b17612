import { useMemo } from 'react'

import { useDisplayNames } from '../stores/display-names'
import { setFilters } from '../stores/playback-actions'
import { selectFilters, selectSteps, selectTotal, usePlaybackStore } from '../stores/playback-store'
import { selectSingle, useSelectionStore } from '../stores/selection-store'
import { filterOptions, isFiltering, objectMenu } from './filter-steps'
import { LAYERS } from './lane-map'

/** Choices a menu lists at most: a select of thousands is slow to open and useless to scroll. */
const MENU_LIMIT = 500

/** Filters shared by the event list and the sequence diagram, over the steps loaded so far. */
export function EventFilterBar() {
  const filters = usePlaybackStore(selectFilters)
  const steps = usePlaybackStore(selectSteps)
  const total = usePlaybackStore(selectTotal)
  const selected = useSelectionStore(selectSingle)
  const options = useMemo(() => filterOptions(steps), [steps])
  const names = useDisplayNames()
  const byName = useMemo(() => {
    const label = new Map(options.objects.map((id) => [id, names.label(id)]))
    const ids = [...options.objects].sort((x, y) => label.get(x)!.localeCompare(label.get(y)!))
    return { ids, label }
  }, [options, names])
  // The selected object stays offered when the limit would cut it (a PodVM found by search).
  const objects = useMemo(
    () =>
      objectMenu(byName.ids, selected, MENU_LIMIT).map((id) => ({
        value: id,
        label: byName.label.get(id) ?? id,
      })),
    [byName, selected],
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
      {values.slice(0, MENU_LIMIT).map((v) => (
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
      {isFiltering(filters) && steps.length < total ? (
        // Filters read the steps playback has loaded; the rest load as it plays or seeks on.
        <span className="filter-note" data-testid="filter-note">
          in the first {steps.length.toLocaleString()} of {total.toLocaleString()} steps
        </span>
      ) : null}
    </div>
  )
}
