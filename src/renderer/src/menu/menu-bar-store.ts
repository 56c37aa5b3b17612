import { create } from 'zustand'

import type { MenuCursor } from './menu-cursor'

interface MenuBarState {
  /** Where the keyboard or the mouse is in the menu bar, or null when it is not in use. */
  cursor: MenuCursor | null
}

/** The serve-mode menu bar's cursor: F10 and Alt put it on the first menu, Escape clears it. */
export const useMenuBarStore = create<MenuBarState>()(() => ({ cursor: null }))

export const selectMenuCursor = (s: MenuBarState) => s.cursor

/** The element that had the focus before the menu bar took it, given back when the menus close. */
let returnFocus: HTMLElement | null = null

/**
 * Notes where the focus is before the bar takes it; a mouse press on a title calls it before the
 * title takes the focus, so Undo still reaches the text field the user was typing in.
 */
export function rememberFocus() {
  if (useMenuBarStore.getState().cursor) return
  returnFocus = document.activeElement instanceof HTMLElement ? document.activeElement : null
}

export function setMenuCursor(cursor: MenuCursor | null) {
  const was = useMenuBarStore.getState().cursor
  if (!was && cursor && !returnFocus) rememberFocus()
  useMenuBarStore.setState({ cursor })
  if (was && !cursor) {
    returnFocus?.focus()
    returnFocus = null
  }
}

/** F10 or Alt: to the first menu's title, or back out of the bar when it is in use. */
export function toggleMenuBarFocus() {
  setMenuCursor(useMenuBarStore.getState().cursor ? null : { top: 0, item: null, sub: null })
}

/** Escape anywhere: true when it closed the menus. */
export function closeMenuBar(): boolean {
  if (!useMenuBarStore.getState().cursor) return false
  setMenuCursor(null)
  return true
}
