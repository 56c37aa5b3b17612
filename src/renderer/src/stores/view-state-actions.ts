import type { ViewState } from '../../../shared/contract/contract'
import { lab } from '../api/lab-client'
import { useCanvasStore } from './canvas-store'

/** The open lab's view state as last read or written; what is not edited here is kept as stored. */
let stored: ViewState | null = null

/** Reads the open lab's view state into the canvas, so collapsed groups survive reopening it. */
export async function loadViewState() {
  const result = await lab.getViewState({})
  if (!result.ok) return
  stored = result.value
  useCanvasStore.setState({ collapsed: result.value.collapsed })
}

/** Keeps the collapsed groups in the lab file (view state is saved like every edit). */
export function saveCollapsed(collapsed: readonly string[]) {
  const base = stored ?? { viewport: { x: 0, y: 0, zoom: 1 }, collapsed: [], selection: [] }
  stored = { ...base, collapsed: [...collapsed] }
  void lab.setViewState(stored)
}
