import type { Rect } from '../to-flow'
import { cellsIn } from '../../../../shared/domain/layout/member-grid'
import type { LodPlan } from './plan'

/** Below this zoom a tile's name cannot be read: a grid shows as a mosaic, without member nodes. */
export const MEMBER_ZOOM = 0.55
/** Share of the view's size drawn beyond each edge, so a short pan finds its tiles drawn. */
const MARGIN = 0.05
/** Windows grow in blocks of this many rows and columns, so the drawn set changes seldom. */
const BLOCK = 2

/** React Flow's transform and the pane's size in screen pixels. */
export interface View {
  x: number
  y: number
  zoom: number
  width: number
  height: number
}

/** The rows and columns of a large container's grid drawn as nodes. */
export interface MemberWindow {
  columns: [number, number]
  rows: [number, number]
}

/**
 * Which members to draw: for each expanded large container on screen, the tiles in view (with a
 * margin), when the zoom is high enough to read them. `key` names the result, so a caller can
 * tell a pan that keeps the same tiles from one that does not.
 */
export function windowsInView(
  plan: LodPlan,
  rects: ReadonlyMap<string, Rect>,
  view: View,
): { key: string; windows: Map<string, MemberWindow> } {
  const windows = new Map<string, MemberWindow>()
  if (view.zoom < MEMBER_ZOOM || view.width <= 0 || view.height <= 0) return { key: '', windows }
  const w = view.width / view.zoom
  const h = view.height / view.zoom
  const area = { x: -view.x / view.zoom - w * MARGIN, y: -view.y / view.zoom - h * MARGIN }
  const size = { width: w * (1 + 2 * MARGIN), height: h * (1 + 2 * MARGIN) }
  const parts: string[] = []
  for (const container of plan.containers.values()) {
    const rect = rects.get(container.id)
    if (container.collapsed || !rect) continue
    const local = { x: area.x - rect.x, y: area.y - rect.y, ...size }
    if (
      local.x > rect.width ||
      local.y > rect.height ||
      local.x + local.width < 0 ||
      local.y + local.height < 0
    )
      continue
    const cells = cellsIn(container.grid, local, BLOCK)
    if (!cells) continue
    windows.set(container.id, cells)
    parts.push(`${container.id}:${cells.columns.join('-')}:${cells.rows.join('-')}`)
  }
  return { key: parts.join('|'), windows }
}

/** Indexes (in grid order) of the members a window covers. */
export function membersIn(columns: number, count: number, window: MemberWindow): number[] {
  const out: number[] = []
  for (let r = window.rows[0]; r <= window.rows[1]; r++)
    for (let c = window.columns[0]; c <= window.columns[1]; c++) {
      const i = r * columns + c
      if (i < count) out.push(i)
    }
  return out
}
