import { create } from 'zustand'

interface CanvasViewState {
  /** Collapsed containers: view state, stored in the lab file (view-state-actions). */
  collapsed: readonly string[]
  /** True while the layout worker runs. */
  layingOut: boolean
}

/** How the canvas shows the lab, apart from what is selected. */
export const useCanvasViewStore = create<CanvasViewState>()(() => ({ collapsed: [], layingOut: false }))

export const selectCollapsed = (s: CanvasViewState) => s.collapsed
export const selectLayingOut = (s: CanvasViewState) => s.layingOut

export const setLayingOut = (layingOut: boolean) => useCanvasViewStore.setState({ layingOut })
