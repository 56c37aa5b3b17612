import type { PanelLayout, PlaybackSpeed, ViewState } from '../../../shared/contract/contract'
import { labClient } from '../api/lab-client'
import { toggleSummarised } from '../canvas/lod/lod-store'
import { useCanvasViewStore } from './canvas-view-store'
import { usePanelStore } from './panel-store'
import { DEFAULT_SPEED, usePlaybackStore } from './playback-store'

/**
 * The one writer of the open lab's view state: collapsed groups, panel sizes and folds, the
 * playback speed. Each is read into its store when a lab opens and written back here, to the
 * lab file, when the user changes it; what is not edited here is kept as stored.
 */
let stored: ViewState | null = null

const EMPTY: ViewState = { viewport: { x: 0, y: 0, zoom: 1 }, collapsed: [], selection: [] }

/** Reads the open lab's view state into the stores, so the window looks as the user left it. */
export async function loadViewState() {
  const result = await labClient().getViewState({})
  if (!result.ok) return
  stored = result.value
  const { collapsed, panels, playbackSpeed } = result.value
  const current = useCanvasViewStore.getState().collapsed
  // An equal list kept as it is: a new one would make the canvas map every node again.
  if (collapsed.length !== current.length || collapsed.some((id, i) => id !== current[i]))
    useCanvasViewStore.setState({ collapsed })
  usePanelStore.setState({ layout: panels ?? {} })
  usePlaybackStore.setState({ speedChoice: playbackSpeed ?? DEFAULT_SPEED })
}

function save(patch: Partial<ViewState>) {
  stored = { ...(stored ?? EMPTY), ...patch }
  void labClient().setViewState(stored)
}

export function toggleCollapsed(id: string) {
  if (toggleSummarised(id)) return
  const current = useCanvasViewStore.getState().collapsed
  const collapsed = current.includes(id) ? current.filter((c) => c !== id) : [...current, id]
  save({ collapsed: [...collapsed] })
  useCanvasViewStore.setState({ collapsed })
}

/** Changes the panels (a drag ended, a fold toggled) and keeps them with the lab. */
export function setPanelLayout(patch: PanelLayout) {
  const layout = { ...usePanelStore.getState().layout, ...patch }
  usePanelStore.setState({ layout })
  save({ panels: layout })
}

/** Keeps the chosen playback speed with the lab; the session plays at it (playback-actions). */
export function savePlaybackSpeed(choice: PlaybackSpeed) {
  save({ playbackSpeed: choice })
}
