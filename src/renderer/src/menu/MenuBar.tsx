import { useEffect, useMemo, useRef, type KeyboardEvent } from 'react'

import type { MenuEntry } from '../../../shared/menu/app-menu'
import { acceleratorLabel, isMac } from '../keymap/keymap'
import { selectSnapshot, useLabStore } from '../stores/lab-store'
import { rememberFocus, selectMenuCursor, setMenuCursor, useMenuBarStore } from './menu-bar-store'
import { menuKey, type MenuCursor } from './menu-cursor'
import { runMenuEntry, serveMenus } from './serve-menu'
import { useRecentLabs } from './use-recent-labs'
import './menu-bar.css'

const cursorKey = (c: MenuCursor) => `${c.top}.${c.item ?? ''}.${c.sub ?? ''}`

/**
 * The application menu drawn by the page where Electron's native one is missing (serve mode),
 * from the same description. Keyboard: F10 or Alt to the bar, arrows, Enter, Escape; the mouse
 * as any menu bar. Items run the commands Electron's menu runs.
 */
export function MenuBar() {
  const snapshot = useLabStore(selectSnapshot)
  const cursor = useMenuBarStore(selectMenuCursor)
  const [recent, refreshRecent] = useRecentLabs()
  const bar = useRef<HTMLElement>(null)
  const mac = isMac(navigator.platform)
  const undoLabel = snapshot?.undoLabel ?? null
  const redoLabel = snapshot?.redoLabel ?? null
  const menus = useMemo(
    () => serveMenus({ appName: 'Pacific Lab', recent, undoLabel, redoLabel }),
    [recent, undoLabel, redoLabel],
  )
  const opened = cursor?.item !== null && cursor !== null ? cursor.top : null

  // The focus follows the cursor; a click elsewhere closes the menus.
  useEffect(() => {
    if (!cursor) return
    const find = (key: string) => bar.current?.querySelector<HTMLElement>(`[data-cursor="${key}"]`)
    // A menu opened by the mouse has no item yet: its title keeps the focus.
    ;(find(cursorKey(cursor)) ?? find(`${cursor.top}..`))?.focus()
  }, [cursor])
  useEffect(() => {
    if (opened === null) return
    refreshRecent()
    const away = (e: MouseEvent) => {
      if (!bar.current?.contains(e.target as Node)) setMenuCursor(null)
    }
    document.addEventListener('mousedown', away)
    return () => document.removeEventListener('mousedown', away)
  }, [opened, refreshRecent])

  const activate = (entry: MenuEntry) => {
    setMenuCursor(null)
    void Promise.resolve(runMenuEntry(entry))
  }
  const onKeyDown = (e: KeyboardEvent) => {
    // Tabbed to a title: the keys start from there.
    const from = cursor ?? titleCursor(e.target)
    if (!from) return
    const move = menuKey(menus, from, e.key)
    if (!move) return
    // The bar's keys are its own: Escape must not also clear the selection, arrows not step a run.
    e.preventDefault()
    e.stopPropagation()
    setMenuCursor(move.cursor)
    if (move.activate) void Promise.resolve(runMenuEntry(move.activate))
  }

  const items = (entries: readonly MenuEntry[], at: (i: number) => MenuCursor, open: number | null) =>
    entries.map((entry, i) => {
      if (entry.type === 'separator') return <li key={i} role="separator" className="menu-separator" />
      const here = at(i)
      const disabled = entry.type === 'command' && entry.enabled === false
      const keys =
        entry.type !== 'submenu' && entry.accelerator ? acceleratorLabel(entry.accelerator, mac) : ''
      return (
        <li key={i} role="none" className="menu-item-row">
          <button
            type="button"
            role="menuitem"
            tabIndex={-1}
            className="menu-item"
            data-cursor={cursorKey(here)}
            data-testid="menu-item"
            aria-disabled={disabled || undefined}
            aria-keyshortcuts={keys || undefined}
            aria-haspopup={entry.type === 'submenu' ? 'menu' : undefined}
            aria-expanded={entry.type === 'submenu' ? open === i : undefined}
            onMouseEnter={() => setMenuCursor(here)}
            onClick={() => (disabled || entry.type === 'submenu' ? undefined : activate(entry))}
          >
            <span className="menu-label" title={entry.label}>
              {entry.label}
            </span>
            <span className="menu-keys" aria-hidden="true">
              {entry.type === 'submenu' ? '›' : keys}
            </span>
          </button>
          {entry.type === 'submenu' && open === i ? (
            <ul role="menu" aria-label={entry.label} className="menu-popup menu-sub">
              {items(entry.items, (j) => ({ ...here, sub: j }), null)}
            </ul>
          ) : null}
        </li>
      )
    })

  return (
    <nav ref={bar} role="menubar" aria-label="Application menu" className="menu-bar" onKeyDown={onKeyDown}>
      {menus.map((menu, top) => {
        const title: MenuCursor = { top, item: null, sub: null }
        const isOpen = opened === top
        return (
          <div key={menu.label} className="menu-top" role="none">
            <button
              type="button"
              role="menuitem"
              aria-haspopup="menu"
              aria-expanded={isOpen}
              className="menu-title"
              data-testid={`menu-${menu.label.toLowerCase()}`}
              data-cursor={cursorKey(title)}
              tabIndex={cursor ? (cursor.top === top ? 0 : -1) : top === 0 ? 0 : -1}
              onMouseDown={rememberFocus}
              onClick={() => setMenuCursor(isOpen ? null : { top, item: -1, sub: null })}
              onMouseEnter={() =>
                opened !== null && !isOpen ? setMenuCursor({ top, item: -1, sub: null }) : undefined
              }
            >
              {menu.label}
            </button>
            {isOpen ? (
              <ul role="menu" aria-label={menu.label} className="menu-popup">
                {items(menu.items, (i) => ({ top, item: i, sub: null }), cursor?.item ?? null)}
              </ul>
            ) : null}
          </div>
        )
      })}
    </nav>
  )
}

/** The cursor of a menu title the focus reached by Tab (its `data-cursor` is `top..`). */
function titleCursor(target: EventTarget): MenuCursor | null {
  const key = target instanceof HTMLElement ? target.dataset['cursor'] : undefined
  const top = key?.endsWith('..') ? Number(key.slice(0, -2)) : NaN
  return Number.isInteger(top) ? { top, item: null, sub: null } : null
}
