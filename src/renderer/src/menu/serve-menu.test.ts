import { describe, expect, it } from 'vitest'

import type { MenuEntry } from '../../../shared/menu/app-menu'
import { acceleratorChord, acceleratorLabel, isBound, keyAction } from '../keymap/keymap'
import { menuEntryForKey } from './menu-keys'
import { serveMenus } from './serve-menu'

const labels = (items: readonly MenuEntry[]) => items.map((e) => (e.type === 'separator' ? '—' : e.label))
const state = { appName: 'Pacific Lab', recent: [], undoLabel: null, redoLabel: null }
const key = (k: string, mods: { ctrlKey?: boolean; metaKey?: boolean; shiftKey?: boolean } = {}) => ({
  key: k,
  ctrlKey: false,
  metaKey: false,
  altKey: false,
  shiftKey: false,
  ...mods,
})

describe('the menu bar of serve mode', () => {
  it('offers the shared menu without Quit and without the operating system roles', () => {
    const menus = serveMenus(state)
    expect(menus.map((m) => m.label)).toEqual(['File', 'Edit', 'View', 'Run', 'Help'])
    expect(labels(menus[0]?.items ?? [])).toEqual([
      'New Lab…',
      'Open…',
      'Open Recent',
      'Save As…',
      '—',
      'Import Manifests…',
      'Export Manifests…',
      'Export Image…',
      '—',
      'Close Window',
    ])
    const roles = menus.flatMap((m) => m.items).flatMap((e) => (e.type === 'role' ? [e.role] : []))
    expect(roles).toEqual(['cut', 'copy', 'paste', 'togglefullscreen'])
    for (const menu of menus) {
      expect(menu.items[0]?.type).not.toBe('separator')
      expect(menu.items.at(-1)?.type).not.toBe('separator')
    }
  })

  it('lists the recent labs that still exist under Open Recent', () => {
    const recent = [
      { path: '/labs/a.pacificlab', name: 'a', exists: true },
      { path: '/labs/gone.pacificlab', name: 'gone', exists: false },
    ]
    const file = serveMenus({ ...state, recent })[0]?.items ?? []
    const open = file.find((e) => e.type === 'submenu')
    expect(open?.type === 'submenu' ? open.items : []).toEqual([
      expect.objectContaining({ command: 'openRecent', path: '/labs/a.pacificlab' }),
    ])
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
})

describe('the keys that reach the menu bar', () => {
  it('F10 goes to the bar, in a field too; keys the keymap has are never the menu bar’s', () => {
    expect(keyAction(key('F10'), { mac: false, typing: true, dialog: false })).toBe('menu-bar')
    // Ctrl+V pastes into a field: the keymap leaves it there, and the menu must not take it.
    expect(isBound(key('v', { ctrlKey: true }), false)).toBe(true)
    expect(menuEntryForKey(key('v', { ctrlKey: true }), false)).toBeNull()
  })
})
