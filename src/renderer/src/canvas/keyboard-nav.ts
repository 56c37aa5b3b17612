import type { Rect } from './to-flow'

export type Direction = 'left' | 'right' | 'up' | 'down'

const centre = (r: Rect) => ({ x: r.x + r.width / 2, y: r.y + r.height / 2 })

/**
 * The object an arrow key moves to from `from`: the nearest box whose centre lies that way,
 * straight lines preferred to diagonals. With nothing selected it starts at the top-left box.
 * Null when there is nothing that way (the selection stays).
 */
export function nextInDirection(
  rects: ReadonlyMap<string, Rect>,
  from: string | null,
  direction: Direction,
): string | null {
  const start = from === null ? undefined : rects.get(from)
  if (!start) return firstBox(rects)
  const a = centre(start)
  let best: { id: string; score: number } | null = null
  for (const [id, rect] of rects) {
    if (id === from) continue
    const b = centre(rect)
    const dx = b.x - a.x
    const dy = b.y - a.y
    const along = direction === 'left' ? -dx : direction === 'right' ? dx : direction === 'up' ? -dy : dy
    const across = direction === 'left' || direction === 'right' ? Math.abs(dy) : Math.abs(dx)
    if (along <= 0.5) continue
    const score = along + 2 * across
    if (!best || score < best.score || (score === best.score && id < best.id)) best = { id, score }
  }
  return best?.id ?? null
}

/** The box nearest the top-left corner: where keyboard travel starts. */
function firstBox(rects: ReadonlyMap<string, Rect>): string | null {
  let best: { id: string; score: number } | null = null
  for (const [id, r] of rects) {
    const score = r.y + r.x / 4
    if (!best || score < best.score) best = { id, score }
  }
  return best?.id ?? null
}
