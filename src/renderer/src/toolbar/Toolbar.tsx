import { useReactFlow } from '@xyflow/react'

import { runLayout } from '../layout/run-layout'
import { setSearchOpen } from '../stores/canvas-actions'
import { selectLayingOut, useCanvasStore } from '../stores/canvas-store'
import { redo, undo } from '../stores/lab-actions'
import { selectSnapshot, useLabStore } from '../stores/lab-store'
import { toggleTheme } from './theme'

/** Undo, redo, layout, fit and search above the canvas; each also has a shortcut. */
export function Toolbar() {
  const snapshot = useLabStore(selectSnapshot)
  const layingOut = useCanvasStore(selectLayingOut)
  const { fitView } = useReactFlow()
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
      <button
        type="button"
        data-testid="fit-view"
        onClick={() => void fitView({ padding: 0.1, duration: 200 })}
      >
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
