import { create } from 'zustand'

/** A change of the canvas's viewport that an action outside the canvas asks for. */
export type ViewRequest =
  { kind: 'fit'; seq: number } | { kind: 'reveal'; ids: readonly string[]; seq: number }

interface CanvasViewState {
  /** Collapsed containers: view state, stored in the lab file (view-state-actions). */
  collapsed: readonly string[]
  /** True while the layout worker runs. */
  layingOut: boolean
  /** The newest viewport request; the canvas carries it out once what it names is drawn. */
  viewRequest: ViewRequest | null
  /** A picture is being taken: the canvas draws every object, in full detail. */
  exporting: boolean
}

/** How the canvas shows the lab, apart from what is selected. */
export const useCanvasViewStore = create<CanvasViewState>()(() => ({
  collapsed: [],
  layingOut: false,
  viewRequest: null,
  exporting: false,
}))

export const selectCollapsed = (s: CanvasViewState) => s.collapsed
export const selectLayingOut = (s: CanvasViewState) => s.layingOut
export const selectViewRequest = (s: CanvasViewState) => s.viewRequest

export const selectExporting = (s: CanvasViewState) => s.exporting

export const setLayingOut = (layingOut: boolean) => useCanvasViewStore.setState({ layingOut })
export const setExporting = (exporting: boolean) => useCanvasViewStore.setState({ exporting })

let seq = 0
/** Fits the whole lab into view, clear of the minimap (Fit, Auto-layout, opening a lab). */
export const requestFit = () => useCanvasViewStore.setState({ viewRequest: { kind: 'fit', seq: ++seq } })
/** Brings objects into view at a readable zoom (a drop, a paste, an import). */
export const requestReveal = (ids: readonly string[]) =>
  useCanvasViewStore.setState({ viewRequest: { kind: 'reveal', ids, seq: ++seq } })
/** The canvas took the request in hand. */
export const clearViewRequest = (done: ViewRequest) => {
  if (useCanvasViewStore.getState().viewRequest === done) useCanvasViewStore.setState({ viewRequest: null })
}
