import type { Box } from './settle'

export interface Point {
  x: number
  y: number
}

/** Which way an edge leaves or enters a box. */
export type Side = 'top' | 'bottom'

export interface RouteRequest {
  from: Point
  fromSide: Side
  to: Point
  toSide: Side
  /** Boxes the path must keep clear of (cards, chips, unrelated containers, both ends). */
  obstacles: readonly Box[]
}

/**
 * How far a path keeps from the boxes it passes; where siblings stand too close for that, a
 * narrower margin is tried before giving up.
 */
export const ROUTE_MARGIN = 10
const NARROWER = [ROUTE_MARGIN, 6, 3] as const
/** A bend costs as much as this many pixels of length: fewer bends beat a slightly shorter path. */
const BEND = 60

/** The end of the straight piece out of a handle: just past the margin of its own box. */
const out = (p: Point, side: Side, margin: number): Point => ({
  x: p.x,
  y: side === 'top' ? p.y - margin - 4 : p.y + margin + 4,
})

/**
 * An orthogonal path from `from` to `to` that crosses no obstacle: the shortest (counting each
 * bend as BEND pixels) over the grid of lines that run just outside every obstacle's margin
 * (ROUTE_MARGIN, narrower where objects stand close).
 * The points include both ends and the bends only. Null when the ends are walled in.
 */
export function routeAround(req: RouteRequest): Point[] | null {
  for (const margin of NARROWER) {
    const path = routeWithMargin(req, margin)
    if (path) return path
  }
  return null
}

function routeWithMargin(req: RouteRequest, margin: number): Point[] | null {
  const start = out(req.from, req.fromSide, margin)
  const end = out(req.to, req.toSide, margin)
  const walls = req.obstacles.map((b) => ({
    x: b.x - margin,
    y: b.y - margin,
    width: b.width + 2 * margin,
    height: b.height + 2 * margin,
  }))
  if (walls.some((w) => inside(start, w) || inside(end, w))) return null
  const xs = lines([start.x, end.x, ...walls.flatMap((w) => [w.x - 1, w.x + w.width + 1])])
  const ys = lines([start.y, end.y, ...walls.flatMap((w) => [w.y - 1, w.y + w.height + 1])])
  const path = shortest(xs, ys, walls, start, end)
  return path ? simplify([req.from, ...path, req.to]) : null
}

const lines = (values: number[]) => [...new Set(values)].sort((a, b) => a - b)

const inside = (p: Point, w: Box) => p.x > w.x && p.x < w.x + w.width && p.y > w.y && p.y < w.y + w.height

/** Walls whose inside an axis line at `v` runs through, per line: the only ones it can meet. */
function crossing(lines: readonly number[], walls: readonly Box[], axis: 'x' | 'y'): Box[][] {
  return lines.map((v) =>
    walls.filter((w) => (axis === 'y' ? v > w.y && v < w.y + w.height : v > w.x && v < w.x + w.width)),
  )
}

/** Dijkstra over grid points, each reached going in one of four directions (for bend costs). */
function shortest(
  xs: number[],
  ys: number[],
  walls: readonly Box[],
  start: Point,
  end: Point,
): Point[] | null {
  const rows = ys.length
  const onRow = crossing(ys, walls, 'y')
  const onColumn = crossing(xs, walls, 'x')
  // A step along row j (or column i) is blocked by a wall that row runs through and that
  // overlaps the step.
  const blocked = (i: number, j: number, ni: number, nj: number) => {
    if (j === nj) {
      const [x1, x2] = xs[i]! < xs[ni]! ? [xs[i]!, xs[ni]!] : [xs[ni]!, xs[i]!]
      return onRow[j]!.some((w) => x1 < w.x + w.width && x2 > w.x)
    }
    const [y1, y2] = ys[j]! < ys[nj]! ? [ys[j]!, ys[nj]!] : [ys[nj]!, ys[j]!]
    return onColumn[i]!.some((w) => y1 < w.y + w.height && y2 > w.y)
  }
  const key = (i: number, j: number, d: number) => (i * rows + j) * 4 + d
  const cost = new Float64Array(xs.length * rows * 4).fill(Infinity)
  const back = new Int32Array(xs.length * rows * 4).fill(-1)
  const si = xs.indexOf(start.x)
  const sj = ys.indexOf(start.y)
  const ei = xs.indexOf(end.x)
  const ej = ys.indexOf(end.y)
  const queue = new MinHeap()
  for (let d = 0; d < 4; d++) {
    cost[key(si, sj, d)] = 0
    queue.push(0, key(si, sj, d))
  }
  const steps = [
    [1, 0],
    [-1, 0],
    [0, 1],
    [0, -1],
  ] as const
  while (queue.size > 0) {
    const [c, k] = queue.pop()
    if (c > cost[k]!) continue
    const d = k % 4
    const cell = (k - d) / 4
    const i = Math.floor(cell / rows)
    const j = cell % rows
    if (i === ei && j === ej) return unwind(k, back, xs, ys)
    steps.forEach(([di, dj], nd) => {
      const ni = i + di
      const nj = j + dj
      if (ni < 0 || nj < 0 || ni >= xs.length || nj >= rows || blocked(i, j, ni, nj)) return
      const next = c + Math.abs(xs[i]! - xs[ni]!) + Math.abs(ys[j]! - ys[nj]!) + (nd === d ? 0 : BEND)
      const nk = key(ni, nj, nd)
      if (next < cost[nk]!) {
        cost[nk] = next
        back[nk] = k
        queue.push(next, nk)
      }
    })
  }
  return null
}

function unwind(k: number, back: Int32Array, xs: readonly number[], ys: readonly number[]): Point[] {
  const points: Point[] = []
  for (let cur = k; cur >= 0; cur = back[cur]!) {
    const cell = (cur - (cur % 4)) / 4
    points.push({ x: xs[Math.floor(cell / ys.length)]!, y: ys[cell % ys.length]! })
  }
  return points.reverse()
}

/** Drops repeated points and the middle of three in a line, leaving the ends and the bends. */
function simplify(points: Point[]): Point[] {
  const out: Point[] = []
  for (const p of points) {
    const last = out[out.length - 1]
    if (last && last.x === p.x && last.y === p.y) continue
    const before = out[out.length - 2]
    if (
      last &&
      before &&
      ((before.x === last.x && last.x === p.x) || (before.y === last.y && last.y === p.y))
    )
      out.pop()
    out.push(p)
  }
  return out
}

/** A binary heap of (cost, key) pairs, cheapest first. */
class MinHeap {
  private readonly items: [number, number][] = []

  get size() {
    return this.items.length
  }

  push(cost: number, key: number) {
    const items = this.items
    items.push([cost, key])
    for (let i = items.length - 1; i > 0;) {
      const parent = (i - 1) >> 1
      if (items[parent]![0] <= items[i]![0]) break
      ;[items[parent], items[i]] = [items[i]!, items[parent]!]
      i = parent
    }
  }

  pop(): [number, number] {
    const items = this.items
    const top = items[0]!
    const last = items.pop()!
    if (items.length > 0) {
      items[0] = last
      for (let i = 0; ;) {
        const l = 2 * i + 1
        const r = l + 1
        let m = i
        if (l < items.length && items[l]![0] < items[m]![0]) m = l
        if (r < items.length && items[r]![0] < items[m]![0]) m = r
        if (m === i) break
        ;[items[m], items[i]] = [items[i]!, items[m]!]
        i = m
      }
    }
    return top
  }
}
