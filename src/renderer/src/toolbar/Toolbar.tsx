import { useReactFlow } from '@xyflow/react'
import { useEffect } from 'react'

import { Icon } from '../icons/Icon'
import { runLayout } from '../layout/run-layout'
import { registerViewControls } from '../menu/view-controls'
import { requestFit, selectLayingOut, useCanvasViewStore } from '../stores/canvas-view-store'
import { redo, undo } from '../stores/edit-actions'
import { setSearchOpen } from '../stores/search-store'
import { selectSnapshot, useLabStore } from '../stores/lab-store'
import { ImageMenu } from './ImageMenu'
import { ThemePicker } from './ThemePicker'

/** Undo, redo, layout, fit and search above the canvas; each also has a shortcut. */
export function Toolbar() {
  const snapshot = useLabStore(selectSnapshot)
  const layingOut = useCanvasViewStore(selectLayingOut)
  const { zoomIn, zoomOut } = useReactFlow()
  // View > Zoom In and Zoom Out do what the canvas's own controls do.
  useEffect(
    () => registerViewControls({ zoomIn: () => void zoomIn(), zoomOut: () => void zoomOut() }),
    [zoomIn, zoomOut],
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
        <Icon name="undo" /> Undo
      </button>
      <button
        type="button"
        data-testid="redo"
        disabled={!redoLabel}
        onClick={() => void redo()}
        title={redoLabel ? `Redo ${redoLabel} (Ctrl/Cmd+Shift+Z)` : 'Nothing to redo'}
      >
        <Icon name="redo" /> Redo
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
        onClick={requestFit}
        title="Show the whole lab, clear of the minimap"
      >
        Fit
      </button>
      <ImageMenu />
      <button type="button" data-testid="open-search" onClick={() => setSearchOpen(true)} title="Ctrl/Cmd+F">
        Search
      </button>
      <ThemePicker />
    </div>
  )
}
