import { describe, expect, it } from 'vitest'

import type { MenuEntry } from '../../../shared/menu/app-menu'
import { serveMenus } from './serve-menu'

const labels = (items: readonly MenuEntry[]) => items.map((e) => (e.type === 'separator' ? '—' : e.label))
const state = { appName: 'Pacific Lab', recent: [], undoLabel: null, redoLabel: null }

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
})
