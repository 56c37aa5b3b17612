import { useLayoutEffect, useRef, useState, type KeyboardEvent, type PointerEvent } from 'react'

import { clampHeight, KEEP_ABOVE, MIN_PANEL } from './panel-sizes'

interface Props {
  /** What the handle resizes, for screen readers: "Resize the playback panel". */
  label: string
  testId: string
  /** The panel the handle sits on top of: its height is read when a drag starts. */
  panel: () => HTMLElement | null
  /** Called while dragging (local, not saved) and once with the final height (saved). */
  onResize: (height: number) => void
  onCommit: (height: number) => void
}

const KEY_STEP = 24

/**
 * A horizontal splitter on the top edge of a bottom panel: drag it up to give the panel room,
 * down to give the canvas room; Arrow Up and Down do the same from the keyboard.
 */
export function ResizeHandle({ label, testId, panel, onResize, onCommit }: Props) {
  const drag = useRef<{ startY: number; startHeight: number; height: number } | null>(null)
  // The panel's height as a screen reader hears the splitter's value.
  const [now, setNow] = useState(0)
  useLayoutEffect(() => {
    const el = panel()
    if (!el) return
    const observer = new ResizeObserver(() => setNow(Math.round(el.getBoundingClientRect().height)))
    observer.observe(el)
    return () => observer.disconnect()
  }, [panel])
  const onPointerDown = (e: PointerEvent<HTMLDivElement>) => {
    const el = panel()
    if (!el || e.button !== 0) return
    e.preventDefault()
    e.currentTarget.setPointerCapture(e.pointerId)
    const height = el.getBoundingClientRect().height
    drag.current = { startY: e.clientY, startHeight: height, height }
  }
  const onPointerMove = (e: PointerEvent<HTMLDivElement>) => {
    const d = drag.current
    if (!d) return
    d.height = clampHeight(d.startHeight + d.startY - e.clientY, window.innerHeight)
    onResize(d.height)
  }
  const onPointerUp = () => {
    const d = drag.current
    drag.current = null
    if (d && d.height !== d.startHeight) onCommit(d.height)
  }
  const onKeyDown = (e: KeyboardEvent<HTMLDivElement>) => {
    const el = panel()
    const delta = e.key === 'ArrowUp' ? KEY_STEP : e.key === 'ArrowDown' ? -KEY_STEP : 0
    if (!el || delta === 0) return
    e.preventDefault()
    e.stopPropagation()
    onCommit(clampHeight(el.getBoundingClientRect().height + delta, window.innerHeight))
  }
  return (
    <div
      className="resize-handle"
      role="separator"
      aria-orientation="horizontal"
      aria-label={label}
      aria-valuenow={now}
      aria-valuemin={MIN_PANEL}
      aria-valuemax={Math.max(MIN_PANEL, window.innerHeight - KEEP_ABOVE)}
      title={`${label}: drag, or focus and press Arrow Up or Down`}
      tabIndex={0}
      data-testid={testId}
      onPointerDown={onPointerDown}
      onPointerMove={onPointerMove}
      onPointerUp={onPointerUp}
      onPointerCancel={onPointerUp}
      onKeyDown={onKeyDown}
    />
  )
}
