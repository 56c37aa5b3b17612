import { useReactFlow, useStore } from '@xyflow/react'
import { useEffect } from 'react'

import type { Topology } from '../../../shared/domain/topology'
import { clearViewRequest, selectViewRequest, useCanvasViewStore } from '../stores/canvas-view-store'
import type { Rect } from './to-flow'
import { fitViewport, revealViewport, type Pane } from './viewport-fit'

/** The minimap's size (LabCanvas draws it so) and React Flow's 15 px panel margin, plus air. */
export const MINIMAP = { width: 200, height: 150 } as const
const MINIMAP_ROOM = { width: MINIMAP.width + 25, height: MINIMAP.height + 25 }
/** The zoom controls take the bottom left; the rest of the edge keeps a little air. */
const PADDING = { top: 24, right: 24, bottom: 24, left: 64 }
const FIT_ZOOM = { min: 0.05, max: 1.2 }

const selectWidth = (s: { width: number }) => s.width
const selectHeight = (s: { height: number }) => s.height

const union = (boxes: readonly Rect[]): Rect => {
  const x = Math.min(...boxes.map((b) => b.x))
  const y = Math.min(...boxes.map((b) => b.y))
  return {
    x,
    y,
    width: Math.max(...boxes.map((b) => b.x + b.width)) - x,
    height: Math.max(...boxes.map((b) => b.y + b.height)) - y,
  }
}

/**
 * Carries out Fit and Reveal requests (canvas-view-store) against the boxes the canvas draws:
 * a reveal waits until the objects it names are drawn (their edit's push may still be on its
 * way); an object hidden in a collapsed container reveals that container.
 */
export function useViewportRequests(topology: Topology, rects: ReadonlyMap<string, Rect>) {
  const request = useCanvasViewStore(selectViewRequest)
  const { setViewport, getViewport } = useReactFlow()
  // The pane's size: a request made before the pane is measured waits for it.
  const width = useStore(selectWidth)
  const height = useStore(selectHeight)
  useEffect(() => {
    if (!request || width === 0 || height === 0) return
    const pane: Pane = { width, height, minimap: MINIMAP_ROOM, padding: PADDING }
    if (request.kind === 'fit') {
      clearViewRequest(request)
      if (rects.size > 0) void setViewport(fitViewport(union([...rects.values()]), pane, FIT_ZOOM))
      return
    }
    const known = new Map(topology.nodes.map((n) => [n.id, n.parentId]))
    if (request.ids.some((id) => !known.has(id))) return
    clearViewRequest(request)
    const boxes = request.ids.flatMap((id) => {
      let shown: string | null | undefined = id
      while (shown && !rects.has(shown)) shown = known.get(shown)
      const box = shown ? rects.get(shown) : undefined
      return box ? [box] : []
    })
    if (boxes.length === 0) return
    const current = getViewport()
    const next = revealViewport(current, union(boxes), pane)
    if (next !== current) void setViewport(next)
  }, [request, rects, topology, setViewport, getViewport, width, height])
}
