import { describe, expect, it } from 'vitest'

import type { MenuEntry, TopMenu } from '../../../shared/menu/app-menu'
import { menuKey, stepItem, type MenuCursor } from './menu-cursor'

const item = (label: string, more: Partial<Extract<MenuEntry, { type: 'command' }>> = {}): MenuEntry => ({
  type: 'command',
  label,
  command: 'undo',
  ...more,
})
const SEP: MenuEntry = { type: 'separator' }
const recent: MenuEntry = { type: 'submenu', label: 'Open Recent', items: [item('a'), item('b')] }
const MENUS: TopMenu[] = [
  { label: 'File', items: [item('New'), recent, SEP, item('Gone', { enabled: false }), item('Close')] },
  { label: 'Edit', items: [item('Undo'), item('Redo')] },
  { label: 'Help', items: [item('About')] },
]
const at = (top: number, item: number | null = null, sub: number | null = null): MenuCursor => ({
  top,
  item,
  sub,
})

describe('the menu bar keys', () => {
  it('skips separators and disabled items, wrapping round', () => {
    const items = MENUS[0]?.items ?? []
    expect(stepItem(items, 1, 1)).toBe(4)
    expect(stepItem(items, 4, 1)).toBe(0)
    expect(stepItem(items, 0, -1)).toBe(4)
  })

  it('opens a menu with Down or Enter and goes between menus with Left and Right', () => {
    expect(menuKey(MENUS, at(0), 'ArrowDown')?.cursor).toEqual(at(0, 0))
    expect(menuKey(MENUS, at(0), 'Enter')?.cursor).toEqual(at(0, 0))
    expect(menuKey(MENUS, at(0), 'ArrowUp')?.cursor).toEqual(at(0, 4))
    // Closed titles stay closed; open menus stay open on the next menu's first item.
    expect(menuKey(MENUS, at(0), 'ArrowRight')?.cursor).toEqual(at(1))
    expect(menuKey(MENUS, at(0, 4), 'ArrowRight')?.cursor).toEqual(at(1, 0))
    expect(menuKey(MENUS, at(0, 0), 'ArrowLeft')?.cursor).toEqual(at(2, 0))
  })

  it('enters a submenu with Right or Enter and leaves it with Left', () => {
    expect(menuKey(MENUS, at(0, 1), 'ArrowRight')?.cursor).toEqual(at(0, 1, 0))
    expect(menuKey(MENUS, at(0, 1), 'Enter')?.cursor).toEqual(at(0, 1, 0))
    expect(menuKey(MENUS, at(0, 1, 0), 'ArrowDown')?.cursor).toEqual(at(0, 1, 1))
    expect(menuKey(MENUS, at(0, 1, 1), 'ArrowLeft')?.cursor).toEqual(at(0, 1))
  })

  it('runs an item with Enter or Space and closes every menu', () => {
    const move = menuKey(MENUS, at(0, 1, 1), 'Enter')
    expect(move).toEqual({ cursor: null, activate: recent.type === 'submenu' ? recent.items[1] : null })
    expect(menuKey(MENUS, at(1, 1), ' ')).toEqual({ cursor: null, activate: MENUS[1]?.items[1] })
  })

  it('closes every menu with Escape or Tab, from any depth', () => {
    expect(menuKey(MENUS, at(0, 1, 1), 'Escape')).toEqual({ cursor: null })
    expect(menuKey(MENUS, at(1, 0), 'Tab')).toEqual({ cursor: null })
    expect(menuKey(MENUS, at(1), 'Escape')).toEqual({ cursor: null })
  })

  it('leaves other keys to the page', () => {
    expect(menuKey(MENUS, at(0, 0), 'x')).toBeNull()
    expect(menuKey(MENUS, at(0), 'Home')).toBeNull()
  })
})
