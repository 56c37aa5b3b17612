import type { MenuEntry, TopMenu } from '../../../shared/menu/app-menu'

/**
 * Where the keyboard is in the menu bar: a top menu, the item of its open menu (null: the menu
 * is closed and the top menu's title has the focus) and the item of an open submenu (Open Recent).
 */
export interface MenuCursor {
  top: number
  item: number | null
  sub: number | null
}

/** What a key does to the cursor: moves it, closes every menu (null), or runs an item. */
export interface MenuMove {
  cursor: MenuCursor | null
  activate?: MenuEntry
}

/** An item the keyboard stops on: not a separator, not disabled. */
const selectable = (entry: MenuEntry | undefined) =>
  entry !== undefined && entry.type !== 'separator' && !(entry.type === 'command' && entry.enabled === false)

/** The next item to stop on from `from` (-1 starts before the first), `delta` 1 or -1, wrapping. */
export function stepItem(items: readonly MenuEntry[], from: number, delta: 1 | -1): number | null {
  for (let i = 1; i <= items.length; i++) {
    const at = (((from + delta * i) % items.length) + items.length) % items.length
    if (selectable(items[at])) return at
  }
  return null
}

const first = (items: readonly MenuEntry[]) => stepItem(items, -1, 1)
const last = (items: readonly MenuEntry[]) => stepItem(items, items.length, -1)
const subItems = (entry: MenuEntry | undefined) => (entry?.type === 'submenu' ? entry.items : null)

/**
 * The menu bar's keys, as desktop menu bars have them: Left and Right go between menus (a
 * submenu opens with Right and closes with Left), Up and Down between items, Home and End to
 * the ends, Enter or Space runs an item, Escape and Tab close every menu. Null: not a menu key.
 */
export function menuKey(menus: readonly TopMenu[], cursor: MenuCursor, key: string): MenuMove | null {
  const items = menus[cursor.top]?.items ?? []
  const open = cursor.item !== null
  const sub = open ? subItems(items[cursor.item ?? -1]) : null
  const toTop = (delta: 1 | -1): MenuMove => {
    const top = (cursor.top + delta + menus.length) % menus.length
    return { cursor: { top, item: open ? first(menus[top]?.items ?? []) : null, sub: null } }
  }
  const within = (pick: (list: readonly MenuEntry[], at: number) => number | null): MenuMove => {
    if (sub && cursor.sub !== null) return { cursor: { ...cursor, sub: pick(sub, cursor.sub) ?? cursor.sub } }
    return { cursor: { ...cursor, item: pick(items, cursor.item ?? -1) ?? cursor.item, sub: null } }
  }
  switch (key) {
    case 'Escape':
    case 'Tab':
      return { cursor: null }
    case 'ArrowRight':
      if (sub && cursor.sub === null) return { cursor: { ...cursor, sub: first(sub) } }
      return toTop(1)
    case 'ArrowLeft':
      if (cursor.sub !== null) return { cursor: { ...cursor, sub: null } }
      return toTop(-1)
    case 'ArrowDown':
      if (!open) return { cursor: { ...cursor, item: first(items) } }
      return within((list, at) => stepItem(list, at, 1))
    case 'ArrowUp':
      if (!open) return { cursor: { ...cursor, item: last(items) } }
      return within((list, at) => stepItem(list, at, -1))
    case 'Home':
      return open ? within((list) => first(list)) : null
    case 'End':
      return open ? within((list) => last(list)) : null
    case 'Enter':
    case ' ': {
      if (!open) return { cursor: { ...cursor, item: first(items) } }
      const target = sub && cursor.sub !== null ? sub[cursor.sub] : items[cursor.item ?? -1]
      if (target?.type === 'submenu') return { cursor: { ...cursor, sub: first(target.items) } }
      return selectable(target) && target ? { cursor: null, activate: target } : { cursor }
    }
    default:
      return null
  }
}
