import { useReactFlow } from '@xyflow/react'
import { useEffect } from 'react'

import { selectFocus, useSelectionStore } from '../stores/selection-store'
import type { Rect } from './to-flow'

/**
 * Centres the view on the object a problem row or search asked for. `reveal` takes the objects
 * the level of detail draws only in view (members of large containers: canvas/lod).
 */
export function useFocus(
  rects: ReadonlyMap<string, Rect>,
  parentOf: (id: string) => string | null,
  reveal: (id: string) => boolean = () => false,
) {
  const focus = useSelectionStore(selectFocus)
  const { setCenter, getZoom } = useReactFlow()
  useEffect(() => {
    if (!focus || reveal(focus.id)) return
    // A node inside a collapsed container has no box: centre on the nearest shown ancestor.
    let id: string | null = focus.id
    while (id !== null && !rects.has(id)) id = parentOf(id)
    const rect = id === null ? undefined : rects.get(id)
    if (rect)
      void setCenter(rect.x + rect.width / 2, rect.y + rect.height / 2, {
        zoom: Math.max(getZoom(), 0.8),
        duration: 250,
      })
    // Only a new focus request moves the view, not later topology changes.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [focus])
}
