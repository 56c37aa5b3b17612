import { useEffect } from 'react'

import { closeDialog, openDialog, useDialogStore } from '../stores/dialog-store'
import { copySelection, deleteSelection, duplicate, paste, redo, undo } from '../stores/edit-actions'
import {
  closeHostMenu,
  jumpEnd,
  jumpStart,
  stepBack,
  stepForward,
  togglePlay,
} from '../stores/playback-actions'
import { menuEntryForKey } from '../menu/menu-keys'
import { closeMenuBar, toggleMenuBarFocus } from '../menu/menu-bar-store'
import { isTypingTarget as typing, PAGE_COMMANDS, pageDrawsMenu, whilePlaying } from '../menu/page-commands'
import { runMenuEntry } from '../menu/serve-menu'
import { useLabStore } from '../stores/lab-store'
import { selectHostMenu, usePlaybackStore } from '../stores/playback-store'
import { setSearchOpen, useSearchStore } from '../stores/search-store'
import { nextInDirection, type Direction } from '../canvas/keyboard-nav'
import { currentRects } from '../canvas/rects-registry'
import { focusObject, selectAllRoots, setSelection, useSelectionStore } from '../stores/selection-store'
import { isBound, isMac, keyAction, type KeyAction } from './keymap'

/** Escape closes the nearest thing: the menus, a dialog, the host menu, the search box; else the selection. */
function escape(inField: boolean): boolean {
  if (closeMenuBar()) return true
  if (useDialogStore.getState().open) return (closeDialog(), true)
  if (selectHostMenu(usePlaybackStore.getState())) return (closeHostMenu(), true)
  if (useSearchStore.getState().open) return (setSearchOpen(false), true)
  if (inField) return false
  setSelection([])
  return true
}

/** The page's menu bar (serve mode): F10 and a tap of Alt go to it and back. */
const menuBarKey = () => {
  if (!pageDrawsMenu(useLabStore.getState().appInfo)) return false
  toggleMenuBarFocus()
  return true
}

/** An arrow on the canvas: select the next object that way and bring it into view. */
const travel = (direction: Direction) => () => {
  const from = useSelectionStore.getState().selection[0] ?? null
  const next = nextInDirection(currentRects(), from, direction)
  if (next) focusObject(next)
}

/** Enter on the canvas: into the inspector's first field, to edit the selected object. */
function inspect() {
  const field = document.querySelector<HTMLElement>(
    '[data-testid="inspector"] :is(input, select, textarea, button):not(:disabled)',
  )
  if (!field) return false
  field.focus()
  return true
}

const ACTIONS: Record<Exclude<KeyAction, 'escape'>, () => unknown> = {
  'open-search': () => setSearchOpen(true),
  'open-export': () => openDialog('export'),
  // A PNG of what is selected, else of the whole canvas (as File > Export Image); the toolbar offers SVG too.
  'export-image': PAGE_COMMANDS.exportImage,
  delete: deleteSelection,
  undo,
  redo,
  copy: copySelection,
  paste,
  duplicate: () => duplicate(),
  'select-all': selectAllRoots,
  'toggle-play': whilePlaying(togglePlay),
  'step-back': whilePlaying(stepBack),
  'step-forward': whilePlaying(stepForward),
  'jump-start': whilePlaying(jumpStart),
  'jump-end': whilePlaying(jumpEnd),
  'menu-bar': menuBarKey,
  'canvas-left': travel('left'),
  'canvas-right': travel('right'),
  'canvas-up': travel('up'),
  'canvas-down': travel('down'),
  'canvas-inspect': inspect,
}

/**
 * A key of the page's menu bar (serve mode; Electron's native menu takes its own): the item
 * whose accelerator it is runs, as a click on it would.
 */
function menuAccelerator(e: KeyboardEvent, mac: boolean, dialog: boolean): boolean {
  // A key the keymap has is the keymap's, even when it left it to a field (Ctrl+V pastes text).
  if (dialog || isBound(e, mac) || !pageDrawsMenu(useLabStore.getState().appInfo)) return false
  const entry = menuEntryForKey(e, mac)
  if (!entry) return false
  e.preventDefault()
  void Promise.resolve(runMenuEntry(entry))
  return true
}

/**
 * The app's one keyboard listener: looks each key up in the keymap and runs its action, else
 * the menu bar's accelerators. A tap of Alt alone (down and up, nothing between) is F10.
 */
export function useKeymap() {
  useEffect(() => {
    const mac = isMac(navigator.platform)
    let altAlone = false
    const onKey = (e: KeyboardEvent) => {
      altAlone = e.key === 'Alt' && !e.repeat
      const inField = typing(e.target)
      const canvas = e.target instanceof Element && e.target.closest('[data-testid="canvas"]') !== null
      const dialog = useDialogStore.getState().open !== null
      const action = keyAction(e, { mac, typing: inField, dialog, canvas })
      if (!action) return void menuAccelerator(e, mac, dialog)
      const result = action === 'escape' ? escape(inField) : ACTIONS[action]()
      // An action answers false when the key was not its business after all.
      if (result === false) return
      e.preventDefault()
    }
    const onKeyUp = (e: KeyboardEvent) => {
      if (e.key !== 'Alt' || !altAlone) return
      altAlone = false
      if (useDialogStore.getState().open === null && menuBarKey()) e.preventDefault()
    }
    window.addEventListener('keydown', onKey)
    window.addEventListener('keyup', onKeyUp)
    return () => {
      window.removeEventListener('keydown', onKey)
      window.removeEventListener('keyup', onKeyUp)
    }
  }, [])
}
