import { useReactFlow } from '@xyflow/react'
import { useCallback, useEffect, useRef } from 'react'

import { useSelectionStore } from '../../stores/selection-store'
import { toggleCollapsed } from '../../stores/view-state-actions'
import type { Rect } from '../to-flow'
import { cellPosition, TILE } from '../../../../shared/domain/layout/member-grid'
import type { LodPlan } from './plan'

/** The zoom a revealed member is shown at, at least: its tile's name reads there. */
export const REVEAL_ZOOM = 1.2

/**
 * Reveals a member of a large container (it has no node until it is in view) when a search or a
 * problem row asks to focus it: opens its container and centres the view on its tile at once,
 * in the same task as the selection, so one render shows it selected and in view. Returns the
 * test the canvas's focus uses to leave members alone.
 */
export function useReveal(plan: LodPlan, rects: ReadonlyMap<string, Rect>): (id: string) => boolean {
  const { setCenter, getZoom } = useReactFlow()
  const latest = useRef({ plan, rects })
  /** The member being revealed and where its container was when the view was centred. */
  const pending = useRef<{ id: string; at: Rect | undefined } | null>(null)

  const centreOn = useCallback(
    (id: string, plan: LodPlan, rects: ReadonlyMap<string, Rect>) => {
      const container = plan.containers.get(plan.containerOf.get(id) ?? '')
      const rect = container ? rects.get(container.id) : undefined
      const i = container ? container.members.findIndex((m) => m.id === id) : -1
      if (!container || !rect || i < 0) return undefined
      const cell = cellPosition(container.grid, i)
      void setCenter(rect.x + cell.x + TILE.width / 2, rect.y + cell.y + TILE.height / 2, {
        zoom: Math.max(getZoom(), REVEAL_ZOOM),
        duration: 0,
      })
      return rect
    },
    [setCenter, getZoom],
  )

  useEffect(() => {
    latest.current = { plan, rects }
    // Once the opened container is drawn: centre again if making room moved it.
    const asked = pending.current
    if (!asked || plan.containers.get(plan.containerOf.get(asked.id) ?? '')?.collapsed) return
    pending.current = null
    const now = rects.get(plan.containerOf.get(asked.id) ?? '')
    if (now && (now.x !== asked.at?.x || now.y !== asked.at?.y)) centreOn(asked.id, plan, rects)
  }, [plan, rects, centreOn])

  useEffect(
    () =>
      useSelectionStore.subscribe((state, before) => {
        const focus = state.focus
        if (!focus || focus === before.focus) return
        const { plan, rects } = latest.current
        const containerId = plan.containerOf.get(focus.id)
        if (containerId === undefined) return
        if (plan.containers.get(containerId)?.collapsed) toggleCollapsed(containerId)
        // The container keeps its place when it opens (siblings after it make room): centre now.
        pending.current = { id: focus.id, at: centreOn(focus.id, plan, rects) }
      }),
    [centreOn],
  )
  return useCallback((id: string) => plan.containerOf.has(id), [plan])
}
