import { useReactFlow } from '@xyflow/react'
import { useCallback, useEffect, useRef } from 'react'

import { toggleCollapsed } from '../../stores/view-state-actions'
import type { Rect } from '../to-flow'
import { cellPosition, TILE } from './grid'
import type { LodPlan } from './plan'

/** The zoom a revealed member is shown at, at least: its tile's name reads there. */
export const REVEAL_ZOOM = 0.9

/**
 * Reveals a member of a large container, which has no node until it is in view: opens its
 * container, then centres the view on its tile (at once: the reveal answers a search, it is not
 * a tour). Returns the request for the canvas's focus, false for objects that are not members.
 */
export function useReveal(plan: LodPlan, rects: ReadonlyMap<string, Rect>): (id: string) => boolean {
  const pending = useRef<string | null>(null)
  const { setCenter, getZoom } = useReactFlow()
  /** Centres on the pending member once its container is drawn open; true when done. */
  const centre = useCallback(() => {
    const id = pending.current
    const container = plan.containers.get(plan.containerOf.get(id ?? '') ?? '')
    if (id === null || container?.collapsed) return
    pending.current = null
    const rect = container ? rects.get(container.id) : undefined
    const i = container ? container.members.findIndex((m) => m.id === id) : -1
    if (!container || !rect || i < 0) return
    const cell = cellPosition(container.grid, i)
    void setCenter(rect.x + cell.x + TILE.width / 2, rect.y + cell.y + TILE.height / 2, {
      zoom: Math.max(getZoom(), REVEAL_ZOOM),
      duration: 0,
    })
  }, [plan, rects, setCenter, getZoom])
  // The container asked open is drawn: centre now.
  useEffect(centre, [centre])
  return useCallback(
    (id: string) => {
      const containerId = plan.containerOf.get(id)
      if (containerId === undefined) return false
      pending.current = id
      if (plan.containers.get(containerId)?.collapsed) toggleCollapsed(containerId)
      else centre()
      return true
    },
    [plan, centre],
  )
}
