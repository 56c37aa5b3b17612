import { memo, useEffect, useRef } from 'react'

import type { Problem } from '../../../../shared/domain/problems'
import { objectText } from '../../../../shared/engine/fields'
import { session } from '../../stores/playback-actions'
import { cellPosition, GRID_ORIGIN, gridExtent, TILE } from '../../../../shared/domain/layout/member-grid'
import type { LodContainer } from './plan'
import { toneOf, type Tone } from './tones'

/** The CSS colour each tile takes: its status's tone in a run, else its kind or its worst problem. */
const TONE_VAR: Record<Tone, string> = { ok: '--ok', busy: '--warn', bad: '--danger', idle: '--muted' }
const SEVERITY_VAR: Record<Problem['severity'], string> = { error: '--danger', warning: '--warn', info: '' }

/** The mosaic is drawn at this fraction of the grid's size, then stretched over it. */
const SCALE = 8

/**
 * A large container's grid when it is too far to read: a small rectangle per member where its
 * tile would be, coloured by status during a run (by kind, or worst problem, without one). One
 * element however many members there are, redrawn outside React as playback moves.
 */
export const Mosaic = memo(function Mosaic({
  container,
  problems,
}: {
  container: LodContainer
  problems: ReadonlyMap<string, Problem['severity']>
}) {
  const ref = useRef<HTMLCanvasElement>(null)
  const extent = gridExtent(container.grid)
  const width = Math.ceil((extent.width - GRID_ORIGIN.x) / SCALE)
  const height = Math.ceil((extent.height - GRID_ORIGIN.y) / SCALE)
  useEffect(() => {
    const canvas = ref.current
    const g = canvas?.getContext('2d')
    if (!canvas || !g) return
    const colours = new Map<string, string>()
    const colour = (name: string) => {
      let value = colours.get(name)
      if (value === undefined)
        colours.set(name, (value = getComputedStyle(canvas).getPropertyValue(name) || 'grey'))
      return value
    }
    const draw = () => {
      const state = session.state()
      g.clearRect(0, 0, canvas.width, canvas.height)
      container.members.forEach((m, i) => {
        const severity = problems.get(m.id)
        g.fillStyle = colour(
          state
            ? TONE_VAR[toneOf(objectText(state, m.id, 'status') ?? 'Absent')]
            : (severity && SEVERITY_VAR[severity]) || `--kind-${m.kind}`,
        )
        const { x, y } = cellPosition(container.grid, i)
        g.fillRect(
          (x - GRID_ORIGIN.x) / SCALE,
          (y - GRID_ORIGIN.y) / SCALE,
          TILE.width / SCALE,
          TILE.height / SCALE,
        )
      })
    }
    draw()
    return session.subscribe(draw)
  }, [container, problems])
  return (
    <canvas
      ref={ref}
      className="lod-mosaic"
      data-testid={`lod-mosaic-${container.id}`}
      width={width}
      height={height}
      style={{
        left: GRID_ORIGIN.x,
        top: GRID_ORIGIN.y,
        width: width * SCALE,
        height: height * SCALE,
      }}
    />
  )
})
