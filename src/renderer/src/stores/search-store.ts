import { create } from 'zustand'

interface SearchState {
  open: boolean
}

/** The find-by-name box over the canvas (Ctrl/Cmd+F). */
export const useSearchStore = create<SearchState>()(() => ({ open: false }))

export const selectSearchOpen = (s: SearchState) => s.open
export const setSearchOpen = (open: boolean) => useSearchStore.setState({ open })
