import { memo, useMemo, type MouseEvent } from 'react'

import type { DisplayNames } from '../../../shared/engine/display-names'
import { useDisplayNames } from '../stores/display-names'
import { seek } from '../stores/playback-actions'
import {
  selectLoading,
  selectSeq,
  selectSteps,
  selectTotal,
  usePlaybackStore,
} from '../stores/playback-store'
import type { Step } from '../../../shared/engine/types'

interface Marker {
  seq: number
  kind: 'sequence' | 'failure'
  title: string
}

/** Sequence starts (a change of flow or object) and failures; capped so huge runs stay light. */
function markersOf(steps: readonly Step[], names: DisplayNames): Marker[] {
  const out: Marker[] = []
  let sequences = 0
  steps.forEach((s, i) => {
    const prev = steps[i - 1]
    const object = s.object.split('/')[0]
    if ((!prev || prev.sequence !== s.sequence || prev.object.split('/')[0] !== object) && sequences++ < 400)
      out.push({ seq: s.seq, kind: 'sequence', title: `${s.sequence} ${names.name(object ?? s.object)}` })
    if (s.failure && out.length < 2000) out.push({ seq: s.seq, kind: 'failure', title: s.failure.reason })
  })
  return out
}

/** The markers re-render only with a new run, not on every step. */
const Markers = memo(function Markers({
  steps,
  total,
  names,
}: {
  steps: readonly Step[]
  total: number
  names: DisplayNames
}) {
  const markers = useMemo(() => markersOf(steps, names), [steps, names])
  const n = Math.max(1, total)
  return markers.map((m) => (
    <span
      key={`${m.kind}-${m.seq}`}
      className={`timeline-marker marker-${m.kind}`}
      style={{ left: `${((m.seq - 1) / n) * 100}%` }}
      title={m.title}
    />
  ))
})

/**
 * The scrubber: click or drag anywhere to seek; markers per sequence and per failure. It spans
 * the whole run while later steps are still arriving (`data-loading`).
 */
export function Timeline() {
  const steps = usePlaybackStore(selectSteps)
  const total = usePlaybackStore(selectTotal)
  const loading = usePlaybackStore(selectLoading)
  const seq = usePlaybackStore(selectSeq)
  const names = useDisplayNames()
  const n = Math.max(1, total)
  const seekAt = (e: MouseEvent<HTMLDivElement>) => {
    const box = e.currentTarget.getBoundingClientRect()
    seek(Math.round(((e.clientX - box.left) / box.width) * n))
  }
  return (
    <div
      className="timeline"
      data-testid="timeline"
      role="slider"
      aria-label="Timeline"
      aria-valuemin={0}
      aria-valuemax={total}
      data-loading={loading}
      aria-valuenow={seq}
      tabIndex={0}
      onMouseDown={seekAt}
      onMouseMove={(e) => e.buttons === 1 && seekAt(e)}
    >
      <div className="timeline-fill" style={{ width: `${(seq / n) * 100}%` }} />
      <Markers steps={steps} total={total} names={names} />
      <div className="timeline-thumb" style={{ left: `${(seq / n) * 100}%` }} />
    </div>
  )
}
