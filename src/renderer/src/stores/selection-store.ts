import { create } from 'zustand'

import { currentTopology } from './lab-store'

interface SelectionState {
  /** Selected node and link ids; the canvas, inspector and problems panel share it. */
  selection: readonly string[]
  /** Roots of the last copy, pasted as fresh duplicates. */
  clipboard: readonly string[]
  /** A request to centre the view on a node; `seq` makes repeated requests distinct. */
  focus: { id: string; seq: number } | null
}

/** What the user has picked on the canvas, copied, or asked to look at. */
export const useSelectionStore = create<SelectionState>()(() => ({
  selection: [],
  clipboard: [],
  focus: null,
}))

export const selectSelection = (s: SelectionState) => s.selection
export const selectFocus = (s: SelectionState) => s.focus
/** The single selected id, for the inspector; null for none or many. */
export const selectSingle = (s: SelectionState) =>
  s.selection.length === 1 ? (s.selection[0] ?? null) : null

let focusSeq = 0

export function setSelection(ids: readonly string[]) {
  const current = useSelectionStore.getState().selection
  if (current.length === ids.length && current.every((id, i) => id === ids[i])) return
  useSelectionStore.setState({ selection: [...ids] })
}

/** Selects one object and asks the canvas to centre on it. */
export function focusObject(id: string) {
  useSelectionStore.setState({ selection: [id], focus: { id, seq: ++focusSeq } })
}

/** Selects every top-level object (deleting them clears the lab in one step). */
export function selectAllRoots() {
  const topology = currentTopology()
  if (topology) setSelection(topology.nodes.filter((n) => n.parentId === null).map((n) => n.id))
}

export const setClipboard = (clipboard: readonly string[]) => useSelectionStore.setState({ clipboard })
