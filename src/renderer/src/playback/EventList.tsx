import { useVirtualizer } from '@tanstack/react-virtual'
import { useEffect, useMemo, useRef } from 'react'

import { useDisplayNames } from '../stores/display-names'
import { seek } from '../stores/playback-actions'
import { selectFilters, selectSeq, selectSteps, usePlaybackStore } from '../stores/playback-store'
import { formatClock } from './derive'
import { filterSteps, rowAtOrBefore } from './filter-steps'
import { layerOf } from './lane-map'

const ROW = 26

/** Every step of the run (filtered), virtualised; the current step is highlighted and kept in view. */
export function EventList() {
  const steps = usePlaybackStore(selectSteps)
  const filters = usePlaybackStore(selectFilters)
  const seq = usePlaybackStore(selectSeq)
  const rows = useMemo(() => filterSteps(steps, filters), [steps, filters])
  const names = useDisplayNames()
  const parent = useRef<HTMLDivElement>(null)
  // eslint-disable-next-line react-hooks/incompatible-library -- the virtualiser is read in render on purpose
  const virtual = useVirtualizer({
    count: rows.length,
    getScrollElement: () => parent.current,
    estimateSize: () => ROW,
    overscan: 8,
  })
  const currentRow = seq > 0 ? rowAtOrBefore(rows, seq - 1) : -1
  useEffect(() => {
    if (currentRow >= 0) virtual.scrollToIndex(currentRow, { align: 'auto' })
  }, [currentRow, virtual])
  return (
    <div
      className="event-list"
      data-testid="event-list"
      ref={parent}
      tabIndex={0}
      role="region"
      aria-label="Events of the run; click one to go to it"
    >
      <div style={{ height: virtual.getTotalSize(), position: 'relative' }}>
        {virtual.getVirtualItems().map((item) => {
          const s = steps[rows[item.index]!]!
          return (
            <div
              key={s.seq}
              className={`event-row${s.seq === seq ? ' is-current' : ''}${s.failure ? ' is-failure' : ''}`}
              data-testid="event-row"
              data-seq={s.seq}
              style={{ transform: `translateY(${item.start}px)`, height: ROW }}
              onClick={() => seek(s.seq)}
            >
              <span className="ev-seq">{s.seq}</span>
              <span className="ev-time">{formatClock(s.t)}</span>
              <span
                className={`ev-lanes layer-${layerOf(s.actor).toLowerCase()}`}
                data-actor={s.actor}
                data-target={s.target}
              >
                {names.lane(s.actor)} → {names.lane(s.target)}
              </span>
              <span className="ev-action">{s.action}</span>
              <span className="ev-text" title={s.text}>
                {s.text}
              </span>
            </div>
          )
        })}
      </div>
    </div>
  )
}
