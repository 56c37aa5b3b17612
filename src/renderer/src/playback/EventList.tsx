import { useVirtualizer } from '@tanstack/react-virtual'
import { useEffect, useMemo, useRef } from 'react'

import type { Step } from '../../../shared/engine/types'
import { useDisplayNames } from '../stores/display-names'
import { seek } from '../stores/playback-actions'
import {
  selectFilters,
  selectListWindow,
  selectRunId,
  selectSeq,
  selectSteps,
  selectTotal,
  usePlaybackStore,
} from '../stores/playback-store'
import { showListWindow } from '../stores/step-paging'
import { formatClock } from './derive'
import { filterSteps, isFiltering, rowAtOrBefore } from './filter-steps'
import { layerOf } from './lane-map'

const ROW = 26

/**
 * Every step of the run, virtualised: only the rows in view are drawn, and rows past the steps
 * playback has loaded are fetched as a window when scrolled to (a placeholder until they come).
 * Filters apply to the loaded steps. The current step is highlighted and kept in view.
 */
export function EventList() {
  const runId = usePlaybackStore(selectRunId)
  const steps = usePlaybackStore(selectSteps)
  const total = usePlaybackStore(selectTotal)
  const listWindow = usePlaybackStore(selectListWindow)
  const filters = usePlaybackStore(selectFilters)
  const seq = usePlaybackStore(selectSeq)
  const filtering = isFiltering(filters)
  const rows = useMemo(() => (filtering ? filterSteps(steps, filters) : null), [filtering, steps, filters])
  const count = rows ? rows.length : total
  const names = useDisplayNames()
  const parent = useRef<HTMLDivElement>(null)
  // eslint-disable-next-line react-hooks/incompatible-library -- the virtualiser is read in render on purpose
  const virtual = useVirtualizer({
    count,
    getScrollElement: () => parent.current,
    estimateSize: () => ROW,
    overscan: 8,
  })
  const currentRow = seq <= 0 ? -1 : rows ? rowAtOrBefore(rows, seq - 1) : seq - 1
  useEffect(() => {
    if (currentRow >= 0) virtual.scrollToIndex(currentRow, { align: 'auto' })
  }, [currentRow, virtual])
  const items = virtual.getVirtualItems()
  const firstSeq = (items[0]?.index ?? 0) + 1
  const lastSeq = (items.at(-1)?.index ?? -1) + 1
  useEffect(() => {
    if (!rows && runId && lastSeq > steps.length) void showListWindow(runId, firstSeq, lastSeq)
  }, [rows, runId, firstSeq, lastSeq, steps.length])
  const stepAt = (index: number): Step | undefined => {
    if (rows) return steps[rows[index]!]
    if (index < steps.length) return steps[index]
    if (listWindow?.runId !== runId) return undefined
    return listWindow.steps[index + 1 - listWindow.from]
  }
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
        {items.map((item) => {
          const s = stepAt(item.index)
          const style = { transform: `translateY(${item.start}px)`, height: ROW }
          if (!s)
            return (
              <div key={`pending-${item.index}`} className="event-row is-pending" style={style}>
                <span className="ev-seq">{item.index + 1}</span>
                <span className="ev-text">…</span>
              </div>
            )
          return (
            <div
              key={s.seq}
              className={`event-row${s.seq === seq ? ' is-current' : ''}${s.failure ? ' is-failure' : ''}`}
              data-testid="event-row"
              data-seq={s.seq}
              style={style}
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
