import type { ViewState } from '../../../shared/contract/contract'
import { labClient } from '../api/lab-client'
import { toggleSummarised } from '../canvas/lod/lod-store'
import { useCanvasViewStore } from './canvas-view-store'

/** The open lab's view state as last read or written; what is not edited here is kept as stored. */
let stored: ViewState | null = null

/** Reads the open lab's view state into the canvas, so collapsed groups survive reopening it. */
export async function loadViewState() {
  const result = await labClient().getViewState({})
  if (!result.ok) return
  stored = result.value
  const { collapsed } = result.value
  const current = useCanvasViewStore.getState().collapsed
  // An equal list kept as it is: a new one would make the canvas map every node again.
  if (collapsed.length !== current.length || collapsed.some((id, i) => id !== current[i]))
    useCanvasViewStore.setState({ collapsed })
}

/** Keeps the collapsed groups in the lab file (view state is saved like every edit). */
function saveCollapsed(collapsed: readonly string[]) {
  const base = stored ?? { viewport: { x: 0, y: 0, zoom: 1 }, collapsed: [], selection: [] }
  stored = { ...base, collapsed: [...collapsed] }
  void labClient().setViewState(stored)
}

export function toggleCollapsed(id: string) {
  if (toggleSummarised(id)) return
  const current = useCanvasViewStore.getState().collapsed
  const collapsed = current.includes(id) ? current.filter((c) => c !== id) : [...current, id]
  saveCollapsed(collapsed)
  useCanvasViewStore.setState({ collapsed })
}
