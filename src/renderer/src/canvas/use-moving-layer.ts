import { useCallback, useRef } from 'react'

/**
 * While the view pans or zooms, the canvas gets `is-moving`, which gives the viewport its own
 * compositing layer: a pan frame then moves a picture instead of painting every card again. The
 * class goes when the move ends, so what is at rest is painted sharp at its zoom. Set on the
 * element directly: a move must not render React.
 */
export function useMovingLayer() {
  const ref = useRef<HTMLDivElement>(null)
  const onMoveStart = useCallback(() => ref.current?.classList.add('is-moving'), [])
  const onMoveEnd = useCallback(() => ref.current?.classList.remove('is-moving'), [])
  return { ref, onMoveStart, onMoveEnd }
}
