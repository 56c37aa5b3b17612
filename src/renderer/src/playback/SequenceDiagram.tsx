import { useEffect, useMemo, useRef } from 'react'

import { useDisplayNames } from '../stores/display-names'
import { seek } from '../stores/playback-actions'
import { selectFilters, selectSeq, selectSteps, usePlaybackStore } from '../stores/playback-store'
import { filterSteps, rowAtOrBefore } from './filter-steps'
import { laneRank } from './lane-map'

const LANE_W = 100
const ROW_H = 30
const HEAD_H = 40
/** Rows drawn at once: a window that follows the current step, so huge runs stay light. */
const WINDOW = 40

/**
 * The run as a sequence diagram: one lane per component taking part in the window of steps,
 * one arrow per step labelled with its seed-deck step number. Filter by one pod to read the
 * seed deck's seven steps.
 */
export function SequenceDiagram() {
  const steps = usePlaybackStore(selectSteps)
  const filters = usePlaybackStore(selectFilters)
  const seq = usePlaybackStore(selectSeq)
  const rows = useMemo(() => filterSteps(steps, filters), [steps, filters])
  const box = useRef<HTMLDivElement>(null)
  const names = useDisplayNames()
  const current = seq > 0 ? rowAtOrBefore(rows, seq - 1) : -1
  const start = Math.max(0, Math.min(current - Math.floor(WINDOW / 3), rows.length - WINDOW))
  const shown = rows.slice(start, start + WINDOW).map((i) => steps[i]!)
  const lanes = [...new Set(shown.flatMap((s) => [s.actor, s.target]))].sort(
    (a, b) => laneRank(a) - laneRank(b) || (a < b ? -1 : 1),
  )
  const x = (lane: string) => lanes.indexOf(lane) * LANE_W + LANE_W / 2
  const width = Math.max(1, lanes.length) * LANE_W
  const height = HEAD_H + shown.length * ROW_H + 10
  const currentY = HEAD_H + (current - start) * ROW_H
  // Scroll with playback: keep the current arrow in the middle of the view.
  useEffect(() => {
    const el = box.current
    if (el) el.scrollTop = Math.max(0, currentY - el.clientHeight / 2)
  }, [currentY])
  return (
    <div
      className="sequence-diagram"
      data-testid="sequence-diagram"
      ref={box}
      tabIndex={0}
      role="region"
      aria-label="Sequence diagram of the run; click an arrow to go to its step"
    >
      {/* Lane names stay on top while the arrows scroll under them. */}
      <svg width={width} height={HEAD_H - 4} className="seq-head" aria-hidden="true">
        {lanes.map((lane, i) => {
          const name = names.lane(lane)
          return (
            <text
              key={lane}
              x={x(lane)}
              y={i % 2 ? 30 : 14}
              textAnchor="middle"
              className="seq-lane-name"
              data-lane={lane}
            >
              {name.length > 22 ? `${name.slice(0, 21)}…` : name}
              {name.length > 22 ? <title>{name}</title> : null}
            </text>
          )
        })}
      </svg>
      <svg
        width={width}
        height={height}
        role="img"
        aria-label="Arrows between the components, one per step"
        style={{ marginTop: -(HEAD_H - 4) }}
      >
        <defs>
          <marker
            id="seq-arrow"
            viewBox="0 0 10 10"
            refX="9"
            refY="5"
            markerWidth="7"
            markerHeight="7"
            orient="auto"
          >
            <path d="M0,0 L10,5 L0,10 z" className="seq-arrowhead" />
          </marker>
        </defs>
        {lanes.map((lane) => (
          <g key={lane} className="seq-lane">
            <line x1={x(lane)} x2={x(lane)} y1={HEAD_H - 6} y2={height} className="seq-lifeline" />
          </g>
        ))}
        {shown.map((s, k) => {
          const y = HEAD_H + k * ROW_H + ROW_H / 2 + 4
          const [x1, x2] = [x(s.actor), x(s.target)]
          const self = x1 === x2
          const label = `${s.seedStep ? `${s.seedStep} · ` : ''}${s.action}`
          return (
            <g
              key={s.seq}
              className={`seq-step${s.seq === seq ? ' is-current' : ''}${s.failure ? ' is-failure' : ''}`}
              data-seq={s.seq}
              onClick={() => seek(s.seq)}
            >
              <rect x={0} y={y - ROW_H / 2 - 2} width={width} height={ROW_H} className="seq-row-bg" />
              {self ? (
                <path
                  d={`M${x1},${y - 6} h26 v10 h-24`}
                  className="seq-msg"
                  markerEnd="url(#seq-arrow)"
                  fill="none"
                />
              ) : (
                <line
                  x1={x1}
                  x2={x2 + (x2 > x1 ? -3 : 3)}
                  y1={y}
                  y2={y}
                  className="seq-msg"
                  markerEnd="url(#seq-arrow)"
                />
              )}
              <text
                x={self ? x1 + 30 : (x1 + x2) / 2}
                y={y - 5}
                textAnchor={self ? 'start' : 'middle'}
                className="seq-label"
              >
                {label}
              </text>
            </g>
          )
        })}
      </svg>
    </div>
  )
}
