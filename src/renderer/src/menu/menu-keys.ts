import type { MenuEntry } from '../../../shared/menu/app-menu'
import { acceleratorChord, pressedChord, type KeyLike } from '../keymap/keymap'
import { serveMenus } from './serve-menu'

const tables = new Map<boolean, Map<string, MenuEntry>>()

/**
 * The menu bar's commands by the chord of their accelerator. Keys the page handles itself
 * (`pageKey`) are the keymap's, and the roles' (cut, copy, paste, full screen) the browser's.
 */
function table(mac: boolean): Map<string, MenuEntry> {
  const known = tables.get(mac)
  if (known) return known
  const keys = new Map<string, MenuEntry>()
  const add = (entries: readonly MenuEntry[]) => {
    for (const entry of entries) {
      if (entry.type === 'submenu') add(entry.items)
      if (entry.type !== 'command' || !entry.accelerator || entry.pageKey) continue
      const chord = acceleratorChord(entry.accelerator, mac)
      if (chord && !keys.has(chord.toLowerCase())) keys.set(chord.toLowerCase(), entry)
    }
  }
  add(
    serveMenus({ appName: 'Pacific Lab', recent: [], undoLabel: null, redoLabel: null }).flatMap(
      (m) => m.items,
    ),
  )
  tables.set(mac, keys)
  return keys
}

/** The menu item whose accelerator this key press is (serve mode, where no native menu takes it). */
export function menuEntryForKey(e: KeyLike, mac: boolean): MenuEntry | null {
  const chord = pressedChord(e, mac)
  return chord ? (table(mac).get(chord) ?? null) : null
}
