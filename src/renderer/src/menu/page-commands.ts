import type { LabClient, MenuCommandName } from '../../../shared/contract/contract'
import { exportImage } from '../export/export-image'
import { runLayout } from '../layout/run-layout'
import { requestFit } from '../stores/canvas-view-store'
import { openDialog } from '../stores/dialog-store'
import { reportError } from '../stores/notice-store'
import { deleteSelection, duplicate, redo, undo } from '../stores/edit-actions'
import { jumpEnd, jumpStart, provision, stepBack, stepForward, togglePlay } from '../stores/playback-actions'
import { selectRunId, usePlaybackStore } from '../stores/playback-store'
import { setSearchOpen } from '../stores/search-store'
import { selectAllRoots, useSelectionStore } from '../stores/selection-store'
import { toggleTheme } from '../toolbar/theme'
import { viewControls } from './view-controls'

/** A text field, a select or an editable element: where undo and select-all are the field's own. */
export const isTypingTarget = (target: EventTarget | null | undefined): target is HTMLElement =>
  typeof HTMLElement !== 'undefined' &&
  target instanceof HTMLElement &&
  (target.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName))

/**
 * A playback command: without a run it is not the page's business (the key keeps its usual
 * meaning, scrolling or moving a caret), and it answers false.
 */
export const whilePlaying = (action: () => void) => () => {
  if (!selectRunId(usePlaybackStore.getState())) return false
  action()
  return true
}

/** Undo, redo and select-all act on the focused text field, as in any editor; else on the lab. */
const fieldOrLab = (field: 'undo' | 'redo' | 'selectAll', lab: () => unknown) => () => {
  // (No document where the stores are tested under Node: the lab's own command.)
  const focused = globalThis.document?.activeElement
  if (!isTypingTarget(focused)) return lab()
  if (
    field === 'selectAll' &&
    (focused instanceof HTMLInputElement || focused instanceof HTMLTextAreaElement)
  )
    return focused.select()
  // execCommand is the one way a page reaches a field's own undo stack.
  return document.execCommand(field)
}

/**
 * Every command the page answers, by the name the menu gives it: Electron's native menu pushes
 * it (`menuCommand`), the serve-mode menu bar and its keys call it. The toolbar, the buttons and
 * the keymap call the same actions.
 */
export const PAGE_COMMANDS: Record<MenuCommandName, () => unknown> = {
  undo: fieldOrLab('undo', undo),
  redo: fieldOrLab('redo', redo),
  selectAll: fieldOrLab('selectAll', selectAllRoots),
  duplicate: () => duplicate(),
  delete: deleteSelection,
  find: () => setSearchOpen(true),
  importManifests: () => openDialog('import'),
  exportManifests: () => openDialog('export'),
  // A PNG of the selection, else of the whole canvas (the toolbar's Image menu offers SVG too).
  exportImage: () =>
    exportImage({
      format: 'png',
      scope: useSelectionStore.getState().selection.length > 0 ? 'selection' : 'canvas',
    }),
  fitView: requestFit,
  zoomIn: () => viewControls()?.zoomIn(),
  zoomOut: () => viewControls()?.zoomOut(),
  autoLayout: runLayout,
  toggleTheme,
  startRun: provision,
  playPause: whilePlaying(togglePlay),
  stepBack: whilePlaying(stepBack),
  stepForward: whilePlaying(stepForward),
  jumpStart: whilePlaying(jumpStart),
  jumpEnd: whilePlaying(jumpEnd),
}

/** Runs a page command; a failure is reported in the error banner, never thrown into a click. */
export function runPageCommand(command: MenuCommandName): unknown {
  try {
    const done = PAGE_COMMANDS[command]()
    if (done instanceof Promise) done.catch((e: unknown) => reportError(failure(e)))
    return done
  } catch (e) {
    reportError(failure(e))
    return false
  }
}

const failure = (e: unknown) => `The menu command failed: ${e instanceof Error ? e.message : String(e)}`

/**
 * Whether the page draws the menu bar: everywhere but Electron, whose native menu pushes its
 * commands instead.
 */
export const pageDrawsMenu = (info: { shell: string } | null) => info !== null && info.shell !== 'electron'

/** Answers the Electron menu's `menuCommand` pushes; returns the unsubscribe. */
export function followMenuCommands(client: LabClient): () => void {
  return client.onEvent((event) => {
    if (event.name === 'menuCommand') runPageCommand(event.payload.command)
  })
}
