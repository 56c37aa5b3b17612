import { create } from 'zustand'

/** A short message shown at the bottom of the canvas, e.g. why a drop was refused. */
export interface Toast {
  id: number
  message: string
  tone: 'info' | 'error'
}

interface CanvasState {
  /** Selected node and link ids; the canvas, inspector and problems panel share it. */
  selection: readonly string[]
  /** Collapsed containers: view state, stored in the lab file (view-state-actions). */
  collapsed: readonly string[]
  /** Roots of the last copy, pasted as fresh duplicates. */
  clipboard: readonly string[]
  toasts: readonly Toast[]
  /** A request to centre the view on a node; `seq` makes repeated requests distinct. */
  focus: { id: string; seq: number } | null
  searchOpen: boolean
  /** True while the layout worker runs. */
  layingOut: boolean
}

/** View state of the canvas; written only by canvas-actions. */
export const useCanvasStore = create<CanvasState>()(() => ({
  selection: [],
  collapsed: [],
  clipboard: [],
  toasts: [],
  focus: null,
  searchOpen: false,
  layingOut: false,
}))

export const selectSelection = (s: CanvasState) => s.selection
export const selectCollapsed = (s: CanvasState) => s.collapsed
export const selectToasts = (s: CanvasState) => s.toasts
export const selectFocus = (s: CanvasState) => s.focus
export const selectSearchOpen = (s: CanvasState) => s.searchOpen
export const selectLayingOut = (s: CanvasState) => s.layingOut
/** The single selected id, for the inspector; null for none or many. */
export const selectSingle = (s: CanvasState) => (s.selection.length === 1 ? (s.selection[0] ?? null) : null)
