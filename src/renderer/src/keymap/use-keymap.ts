import { useEffect } from 'react'

import { exportImage } from '../export/export-image'
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
import { selectHostMenu, selectRunId, usePlaybackStore } from '../stores/playback-store'
import { setSearchOpen, useSearchStore } from '../stores/search-store'
import { nextInDirection, type Direction } from '../canvas/keyboard-nav'
import { currentRects } from '../canvas/rects-registry'
import { focusObject, selectAllRoots, setSelection, useSelectionStore } from '../stores/selection-store'
import { isMac, keyAction, type KeyAction } from './keymap'

const typing = (target: EventTarget | null) =>
  target instanceof HTMLElement &&
  (target.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName))

/** Escape closes the nearest thing: a dialog, the host menu, the search box; else the selection. */
function escape(inField: boolean): boolean {
  if (useDialogStore.getState().open) return (closeDialog(), true)
  if (selectHostMenu(usePlaybackStore.getState())) return (closeHostMenu(), true)
  if (useSearchStore.getState().open) return (setSearchOpen(false), true)
  if (inField) return false
  setSelection([])
  return true
}

const playing = (action: () => void) => () => {
  // Without a run these keys keep their usual meaning (scrolling, moving a caret).
  if (!selectRunId(usePlaybackStore.getState())) return false
  action()
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
  // A PNG of what is selected, else of the whole canvas; the toolbar offers SVG too.
  'export-image': () =>
    exportImage({
      format: 'png',
      scope: useSelectionStore.getState().selection.length > 0 ? 'selection' : 'canvas',
    }),
  delete: deleteSelection,
  undo,
  redo,
  copy: copySelection,
  paste,
  duplicate: () => duplicate(),
  'select-all': selectAllRoots,
  'toggle-play': playing(togglePlay),
  'step-back': playing(stepBack),
  'step-forward': playing(stepForward),
  'jump-start': playing(jumpStart),
  'jump-end': playing(jumpEnd),
  'canvas-left': travel('left'),
  'canvas-right': travel('right'),
  'canvas-up': travel('up'),
  'canvas-down': travel('down'),
  'canvas-inspect': inspect,
}

/** The app's one keyboard listener: looks each key up in the keymap and runs its action. */
export function useKeymap() {
  useEffect(() => {
    const mac = isMac(navigator.platform)
    const onKey = (e: KeyboardEvent) => {
      const inField = typing(e.target)
      const canvas = e.target instanceof Element && e.target.closest('[data-testid="canvas"]') !== null
      const dialog = useDialogStore.getState().open !== null
      const action = keyAction(e, { mac, typing: inField, dialog, canvas })
      if (!action) return
      const result = action === 'escape' ? escape(inField) : ACTIONS[action]()
      // An action answers false when the key was not its business after all.
      if (result === false) return
      e.preventDefault()
    }
    window.addEventListener('keydown', onKey)
    return () => window.removeEventListener('keydown', onKey)
  }, [])
}
