import { useReactFlow } from '@xyflow/react'
import { useEffect } from 'react'

import { currentRects } from '../canvas/rects-registry'
import { runLayout } from '../layout/run-layout'
import { registerViewControls } from '../menu/view-controls'
import { selectLayingOut, useCanvasViewStore } from '../stores/canvas-view-store'
import { redo, undo } from '../stores/edit-actions'
import { setSearchOpen } from '../stores/search-store'
import { selectSnapshot, useLabStore } from '../stores/lab-store'
import { toggleTheme } from './theme'

/** Undo, redo, layout, fit and search above the canvas; each also has a shortcut. */
export function Toolbar() {
  const snapshot = useLabStore(selectSnapshot)
  const layingOut = useCanvasViewStore(selectLayingOut)
  const { fitBounds, zoomIn, zoomOut } = useReactFlow()
  // View > Fit, Zoom In and Zoom Out do what these buttons and the canvas's controls do.
  useEffect(
    () =>
      registerViewControls({
        fit: () => fitAll(fitBounds),
        zoomIn: () => void zoomIn(),
        zoomOut: () => void zoomOut(),
      }),
    [fitBounds, zoomIn, zoomOut],
  )
  const undoLabel = snapshot?.undoLabel ?? null
  const redoLabel = snapshot?.redoLabel ?? null
  return (
    <div className="toolbar" role="toolbar" aria-label="Canvas tools">
      <button
        type="button"
        data-testid="undo"
        disabled={!undoLabel}
        onClick={() => void undo()}
        title={undoLabel ? `Undo ${undoLabel} (Ctrl/Cmd+Z)` : 'Nothing to undo'}
      >
        ↶ Undo
      </button>
      <button
        type="button"
        data-testid="redo"
        disabled={!redoLabel}
        onClick={() => void redo()}
        title={redoLabel ? `Redo ${redoLabel} (Ctrl/Cmd+Shift+Z)` : 'Nothing to redo'}
      >
        ↷ Redo
      </button>
      <button
        type="button"
        data-testid="layout"
        disabled={layingOut}
        onClick={() => void runLayout()}
        title="Arrange the lab automatically (ELK)"
      >
        {layingOut ? 'Arranging…' : 'Auto-layout'}
      </button>
      <button type="button" data-testid="fit-view" onClick={() => fitAll(fitBounds)}>
        Fit
      </button>
      <button type="button" data-testid="open-search" onClick={() => setSearchOpen(true)} title="Ctrl/Cmd+F">
        Search
      </button>
      <button type="button" data-testid="theme" onClick={toggleTheme} title="Switch light and dark">
        ◐
      </button>
    </div>
  )
}

/**
 * Fits every object into view at once. (React Flow's own fitView waits for the next change
 * of the nodes, which a controlled, unchanged canvas never sends.)
 */
function fitAll(fitBounds: ReturnType<typeof useReactFlow>['fitBounds']) {
  const rects = [...currentRects().values()]
  if (rects.length === 0) return
  const x = Math.min(...rects.map((r) => r.x))
  const y = Math.min(...rects.map((r) => r.y))
  const width = Math.max(...rects.map((r) => r.x + r.width)) - x
  const height = Math.max(...rects.map((r) => r.y + r.height)) - y
  void fitBounds({ x, y, width, height }, { padding: 0.1 })
}
