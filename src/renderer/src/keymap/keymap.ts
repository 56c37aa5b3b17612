import { displayAccelerator } from '../../../shared/menu/help-text'

/**
 * Every keyboard shortcut of the app, in one table. The modifier is the platform's: Cmd on
 * macOS (where Ctrl+letter belongs to text editing), Ctrl elsewhere. Keys typed into a form
 * field belong to the field, except the few marked `inFields`.
 */

export type KeyAction =
  | 'open-search'
  | 'open-export'
  | 'export-image'
  | 'escape'
  | 'delete'
  | 'undo'
  | 'redo'
  | 'copy'
  | 'paste'
  | 'duplicate'
  | 'select-all'
  | 'toggle-play'
  | 'step-back'
  | 'step-forward'
  | 'jump-start'
  | 'jump-end'
  | 'menu-bar'
  | 'canvas-left'
  | 'canvas-right'
  | 'canvas-up'
  | 'canvas-down'
  | 'canvas-inspect'

/** The parts of a KeyboardEvent the keymap reads, so it can be tested without a browser. */
export interface KeyLike {
  key: string
  ctrlKey: boolean
  metaKey: boolean
  altKey: boolean
  shiftKey: boolean
}

export interface KeyContext {
  /** Cmd is the modifier (macOS); Ctrl otherwise. */
  mac: boolean
  /** The key went to a text field, a select or an editable element. */
  typing: boolean
  /** A modal dialog is open: only its own keys (Escape) apply. */
  dialog: boolean
  /** The canvas has the keyboard focus: arrows travel between objects there. */
  canvas?: boolean
}

interface Binding {
  /** `Mod` is Cmd on macOS and Ctrl elsewhere; keys are matched case-insensitively. */
  keys: string
  action: KeyAction
  /** Also while typing in a field. */
  inFields?: boolean
  /** Also while a dialog is open. */
  inDialog?: boolean
  /** Only while the canvas has the focus (it wins over a binding of the same keys elsewhere). */
  inCanvas?: boolean
}

/** The keymap; the help texts in the toolbar, palette and playback bar name these keys. */
export const BINDINGS: readonly Binding[] = [
  { keys: 'Escape', action: 'escape', inFields: true, inDialog: true },
  { keys: 'Mod+F', action: 'open-search', inFields: true },
  { keys: 'Mod+E', action: 'open-export', inFields: true },
  { keys: 'Mod+Shift+E', action: 'export-image' },
  { keys: 'Delete', action: 'delete' },
  { keys: 'Backspace', action: 'delete' },
  { keys: 'Mod+Z', action: 'undo' },
  { keys: 'Mod+Shift+Z', action: 'redo' },
  { keys: 'Mod+Y', action: 'redo' },
  { keys: 'Mod+C', action: 'copy' },
  { keys: 'Mod+V', action: 'paste' },
  { keys: 'Mod+D', action: 'duplicate' },
  { keys: 'Mod+A', action: 'select-all' },
  { keys: 'ArrowLeft', action: 'canvas-left', inCanvas: true },
  { keys: 'ArrowRight', action: 'canvas-right', inCanvas: true },
  { keys: 'ArrowUp', action: 'canvas-up', inCanvas: true },
  { keys: 'ArrowDown', action: 'canvas-down', inCanvas: true },
  { keys: 'Enter', action: 'canvas-inspect', inCanvas: true },
  { keys: ' ', action: 'toggle-play' },
  { keys: 'ArrowLeft', action: 'step-back' },
  { keys: 'ArrowRight', action: 'step-forward' },
  { keys: 'Home', action: 'jump-start' },
  { keys: 'End', action: 'jump-end' },
  // The menu bar the page draws in serve mode (Electron's own menu takes F10 itself).
  { keys: 'F10', action: 'menu-bar', inFields: true },
]

/** `Mod+Shift+Z`-style name of a key press, with the platform's modifier as `Mod`. */
export function chordOf(e: KeyLike, mac: boolean): string | null {
  const mod = mac ? e.metaKey : e.ctrlKey
  // The other platform's modifier, or Alt, makes a chord no binding uses.
  if ((mac ? e.ctrlKey : e.metaKey) || e.altKey) return null
  const key = e.key.length === 1 && e.key !== ' ' ? e.key.toUpperCase() : e.key
  return `${mod ? 'Mod+' : ''}${e.shiftKey && (mod || key.length > 1) ? 'Shift+' : ''}${key}`
}

const TABLE = new Map<string, Binding[]>()
for (const b of BINDINGS) TABLE.set(b.keys.toLowerCase(), [...(TABLE.get(b.keys.toLowerCase()) ?? []), b])

/** The action a key press asks for here, or null when it is not a shortcut (or not now). */
export function keyAction(e: KeyLike, ctx: KeyContext): KeyAction | null {
  const chord = chordOf(e, ctx.mac)
  const bindings = chord === null ? [] : (TABLE.get(chord.toLowerCase()) ?? [])
  const binding = bindings.find((b) => b.inCanvas && ctx.canvas) ?? bindings.find((b) => !b.inCanvas)
  if (!binding) return null
  if (ctx.typing && !binding.inFields) return null
  if (ctx.dialog && !binding.inDialog) return null
  return binding.action
}

/**
 * A menu accelerator (Electron's syntax, src/shared/menu) as the chord `chordOf` names the key
 * press: `CmdOrCtrl+Shift+S` is `Mod+Shift+S`. Null for a key the page cannot see with the
 * platform's modifier (Command on other platforms, Ctrl on macOS, Alt).
 */
export function acceleratorChord(accelerator: string, mac: boolean): string | null {
  const parts = accelerator.split('+').filter((part) => part !== '')
  const key = parts.at(-1) ?? ''
  const mods = new Set(parts.slice(0, -1))
  if (mods.has('Alt') || mods.has('Option')) return null
  if (mods.has(mac ? 'Ctrl' : 'Command')) return null
  const mod = mods.has('CmdOrCtrl') || mods.has(mac ? 'Command' : 'Ctrl')
  const name = ACCELERATOR_KEYS[key] ?? (key.length === 1 ? key.toUpperCase() : key)
  return `${mod ? 'Mod+' : ''}${mods.has('Shift') ? 'Shift+' : ''}${name}`
}

/** Electron's key names where a KeyboardEvent's `key` differs. */
const ACCELERATOR_KEYS: Readonly<Record<string, string>> = {
  Plus: '+',
  Space: ' ',
  Left: 'ArrowLeft',
  Right: 'ArrowRight',
  Up: 'ArrowUp',
  Down: 'ArrowDown',
}

/** Whether the keymap has this key at all (it may have left it to a field or a dialog just now). */
export function isBound(e: KeyLike, mac: boolean): boolean {
  const chord = chordOf(e, mac)
  return chord !== null && TABLE.has(chord.toLowerCase())
}

/** The chord of a key press, for looking it up among the menu's accelerators. */
export const pressedChord = (e: KeyLike, mac: boolean) => chordOf(e, mac)?.toLowerCase() ?? null

/** An accelerator as the menu shows it, with this platform's modifier (Command on macOS, Ctrl elsewhere). */
export const acceleratorLabel = (accelerator: string, mac: boolean) =>
  displayAccelerator(accelerator, mac ? 'darwin' : 'other')

/** Whether the app runs on macOS, where Cmd is the modifier. */
export const isMac = (platform: string) => /^mac/i.test(platform)
