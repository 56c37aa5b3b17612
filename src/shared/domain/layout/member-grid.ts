import type { Kind } from '../kinds'
import { GROUP, SIBLING_CLEARANCE } from './lab-sizes'
import type { Box } from './settle'

/**
 * Large containers: a namespace of more than `LARGE_MEMBERS` members lays them out in a grid of
 * tiles of one size, in rows, about twice as wide as tall (a screen's shape), so the container
 * reads at Fit instead of running off as a strip, whatever positions its members have stored.
 * The layout sizes the container around its grid (`layoutLab`); the canvas's level of detail
 * draws the tiles in view (renderer canvas/lod). Coordinates are relative to the container's
 * top-left, like React Flow's child positions.
 */

/** A container with more members than this is large: its members are laid out as a grid. */
export const LARGE_MEMBERS = 40
/** Containers whose members can run into thousands: a namespace's workloads. */
const LARGE_KINDS: ReadonlySet<Kind> = new Set(['namespace'])

/** Whether a container with `members` children is large (one rule for the layout and the canvas). */
export const isLargeContainer = (kind: Kind, members: number) =>
  LARGE_KINDS.has(kind) && members > LARGE_MEMBERS

/** A large container collapsed: a summary card with counts, quota bars and a sparkline. */
export const SUMMARY_CARD = { width: 340, height: 190 } as const

/** One member's tile: wide enough for a name like `fn-0311`, tall enough for its status. */
export const TILE = { width: 160, height: 40 } as const
/** Tiles keep the clearance the layout keeps between siblings. */
const GAP = { x: SIBLING_CLEARANCE, y: SIBLING_CLEARANCE } as const
/** Where the first tile sits: below the container's header, in from its border. */
export const GRID_ORIGIN = { x: GROUP.left, y: GROUP.top } as const
const PITCH = { x: TILE.width + GAP.x, y: TILE.height + GAP.y } as const
/** Width over height the grid aims for. */
const ASPECT = 2

export interface Grid {
  count: number
  columns: number
  rows: number
}

/** The grid of `count` members. */
export function gridOf(count: number): Grid {
  const columns = Math.max(1, Math.min(count, Math.round(Math.sqrt((count * ASPECT * PITCH.y) / PITCH.x))))
  return { count, columns, rows: Math.ceil(count / columns) }
}

/** The box the whole grid takes, from the container's top-left (origin included). */
export function gridExtent(grid: Grid): { width: number; height: number } {
  return {
    width: GRID_ORIGIN.x + Math.max(1, grid.columns) * PITCH.x - GAP.x,
    height: GRID_ORIGIN.y + Math.max(1, grid.rows) * PITCH.y - GAP.y,
  }
}

/** Member `i`'s tile position, relative to the container. */
export function cellPosition(grid: Grid, i: number): { x: number; y: number } {
  return {
    x: GRID_ORIGIN.x + (i % grid.columns) * PITCH.x,
    y: GRID_ORIGIN.y + Math.floor(i / grid.columns) * PITCH.y,
  }
}

/**
 * Indexes of the members whose tiles meet `area` (relative to the container), the column and
 * row ranges widened to whole blocks of `block` so a small pan keeps the same set.
 */
export function cellsIn(
  grid: Grid,
  area: Box,
  block = 1,
): { columns: [number, number]; rows: [number, number] } | null {
  const c0 = Math.floor((area.x - GRID_ORIGIN.x) / PITCH.x)
  const c1 = Math.floor((area.x + area.width - GRID_ORIGIN.x) / PITCH.x)
  const r0 = Math.floor((area.y - GRID_ORIGIN.y) / PITCH.y)
  const r1 = Math.floor((area.y + area.height - GRID_ORIGIN.y) / PITCH.y)
  const columns = clampRange(snapDown(c0, block), snapUp(c1, block), grid.columns)
  const rows = clampRange(snapDown(r0, block), snapUp(r1, block), grid.rows)
  return columns && rows ? { columns, rows } : null
}

const snapDown = (n: number, block: number) => Math.floor(n / block) * block
const snapUp = (n: number, block: number) => Math.floor(n / block) * block + block - 1

function clampRange(from: number, to: number, size: number): [number, number] | null {
  const a = Math.max(0, from)
  const b = Math.min(size - 1, to)
  return a <= b ? [a, b] : null
}
