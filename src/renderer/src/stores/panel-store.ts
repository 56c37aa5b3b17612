import { create } from 'zustand'

import type { PanelLayout } from '../../../shared/contract/contract'

interface PanelState {
  /** The panels as the user left them in this lab; absent fields take the defaults. */
  layout: PanelLayout
}

/** Sizes and folds of the panels around the canvas; view state, written by view-state-actions. */
export const usePanelStore = create<PanelState>()(() => ({ layout: {} }))

export const selectLayout = (s: PanelState) => s.layout
