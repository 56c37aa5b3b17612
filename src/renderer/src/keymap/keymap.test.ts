import { describe, expect, it } from 'vitest'

import { menuEntryForKey } from '../menu/menu-keys'
import { acceleratorChord, acceleratorLabel, isBound, keyAction, type KeyLike } from './keymap'

const key = (k: string, mods: Partial<KeyLike> = {}): KeyLike => ({
  key: k,
  ctrlKey: false,
  metaKey: false,
  altKey: false,
  shiftKey: false,
  ...mods,
})
const linux = { mac: false, typing: false, dialog: false }
const mac = { ...linux, mac: true }

describe('keymap', () => {
  it('uses Ctrl on Linux and Windows and Cmd on macOS, never the other one', () => {
    expect(keyAction(key('z', { ctrlKey: true }), linux)).toBe('undo')
    expect(keyAction(key('z', { metaKey: true }), mac)).toBe('undo')
    expect(keyAction(key('z', { metaKey: true }), linux)).toBeNull()
    // Ctrl+E moves to the end of a line on macOS: it must not open the export dialog there.
    expect(keyAction(key('e', { ctrlKey: true }), mac)).toBeNull()
    expect(keyAction(key('e', { metaKey: true }), mac)).toBe('open-export')
  })

  it('reads Shift and upper-case letters as the same shortcut', () => {
    expect(keyAction(key('Z', { ctrlKey: true, shiftKey: true }), linux)).toBe('redo')
    expect(keyAction(key('y', { ctrlKey: true }), linux)).toBe('redo')
    expect(keyAction(key('A', { ctrlKey: true }), linux)).toBe('select-all')
  })

  it('travels between objects with the arrows while the canvas has the focus, else steps the run', () => {
    const canvas = { ...linux, canvas: true }
    expect(keyAction(key('ArrowRight'), canvas)).toBe('canvas-right')
    expect(keyAction(key('ArrowUp'), canvas)).toBe('canvas-up')
    expect(keyAction(key('Enter'), canvas)).toBe('canvas-inspect')
    expect(keyAction(key('ArrowRight'), linux)).toBe('step-forward')
    expect(keyAction(key('ArrowUp'), linux)).toBeNull()
    expect(keyAction(key('Enter'), linux)).toBeNull()
  })

  it('leaves keys typed into a field to the field, except search, export and Escape', () => {
    const typing = { ...linux, typing: true }
    expect(keyAction(key('Backspace'), typing)).toBeNull()
    expect(keyAction(key(' '), typing)).toBeNull()
    expect(keyAction(key('c', { ctrlKey: true }), typing)).toBeNull()
    expect(keyAction(key('f', { ctrlKey: true }), typing)).toBe('open-search')
    expect(keyAction(key('Escape'), typing)).toBe('escape')
  })

  it('gives a dialog only Escape', () => {
    const dialog = { ...linux, dialog: true }
    expect(keyAction(key('Delete'), dialog)).toBeNull()
    expect(keyAction(key('ArrowRight'), dialog)).toBeNull()
    expect(keyAction(key('Escape'), dialog)).toBe('escape')
  })

  it('drives playback with Space, arrows, Home and End, not with a modifier held', () => {
    expect(keyAction(key(' '), linux)).toBe('toggle-play')
    expect(keyAction(key('ArrowLeft'), linux)).toBe('step-back')
    expect(keyAction(key('End'), linux)).toBe('jump-end')
    expect(keyAction(key('ArrowRight', { altKey: true }), linux)).toBeNull()
    expect(keyAction(key('ArrowRight', { ctrlKey: true }), linux)).toBeNull()
  })

  it('shows accelerators with the platform modifier and answers them as keys', () => {
    expect(acceleratorLabel('CmdOrCtrl+Shift+S', false)).toBe('Ctrl+Shift+S')
    expect(acceleratorLabel('CmdOrCtrl+Shift+S', true)).toBe('⇧⌘S')
    expect(acceleratorChord('CmdOrCtrl+O', true)).toBe('Mod+O')
    expect(acceleratorChord('Command+H', false)).toBeNull()
    expect(menuEntryForKey(key('o', { ctrlKey: true }), false)).toMatchObject({ command: 'openLab' })
    expect(menuEntryForKey(key('o', { metaKey: true }), true)).toMatchObject({ command: 'openLab' })
    expect(menuEntryForKey(key('S', { ctrlKey: true, shiftKey: true }), false)).toMatchObject({
      command: 'saveLabAs',
    })
    expect(menuEntryForKey(key('F5'), false)).toMatchObject({ command: 'startRun' })
    // Keys the page handles itself stay with the keymap (Space plays, Delete deletes).
    expect(menuEntryForKey(key(' '), false)).toBeNull()
    expect(menuEntryForKey(key('Delete'), false)).toBeNull()
  })

  it('F10 goes to the bar, in a field too; keys the keymap has are never the menu bar’s', () => {
    expect(keyAction(key('F10'), { mac: false, typing: true, dialog: false })).toBe('menu-bar')
    // Ctrl+V pastes into a field: the keymap leaves it there, and the menu must not take it.
    expect(isBound(key('v', { ctrlKey: true }), false)).toBe(true)
    expect(menuEntryForKey(key('v', { ctrlKey: true }), false)).toBeNull()
  })
})
