import { describe, expect, it } from 'vitest'

import { MENU_COMMANDS } from '../contract/contract'
import { appMenu, SHELL_COMMANDS, shortPath, type MenuEntry, type MenuState } from './app-menu'
import { aboutLines, displayAccelerator, shortcutLines, shortcutSections } from './help-text'

const state = (more: Partial<MenuState> = {}): MenuState => ({
  platform: 'linux',
  appName: 'Pacific Lab',
  recent: [],
  undoLabel: null,
  redoLabel: null,
  devTools: false,
  home: '/home/ana',
  ...more,
})

const flat = (items: readonly MenuEntry[]): MenuEntry[] =>
  items.flatMap((e) => (e.type === 'submenu' ? [e, ...flat(e.items)] : [e]))
const entries = (s: MenuState) => appMenu(s).flatMap((m) => flat(m.items))
const labels = (items: readonly MenuEntry[]) => items.map((e) => (e.type === 'separator' ? '---' : e.label))

describe('the application menu', () => {
  it('has File, Edit, View, Run and Help, with the file commands a desktop app offers', () => {
    const menus = appMenu(state())
    expect(menus.map((m) => m.label)).toEqual(['File', 'Edit', 'View', 'Run', 'Help'])
    expect(labels(menus[0]!.items)).toEqual([
      'New Lab…',
      'Open…',
      'Open Recent',
      'Save As…',
      '---',
      'Import Manifests…',
      'Export Manifests…',
      'Export Image…',
      '---',
      'Close Window',
      'Quit',
    ])
    expect(labels(menus[4]!.items)).toEqual(['Keyboard Shortcuts', '---', 'About Pacific Lab'])
  })

  it('on macOS puts About and Quit in the app menu and adds the Window menu', () => {
    const menus = appMenu(state({ platform: 'darwin' }))
    expect(menus.map((m) => m.label)).toEqual([
      'Pacific Lab',
      'File',
      'Edit',
      'View',
      'Run',
      'Window',
      'Help',
    ])
    expect(labels(menus[0]!.items)).toContain('Quit Pacific Lab')
    expect(labels(menus[0]!.items)).toContain('About Pacific Lab')
    expect(labels(menus[1]!.items)).not.toContain('Quit')
    expect(labels(menus[6]!.items)).toEqual(['Keyboard Shortcuts'])
  })

  it('offers every command the renderer handles and every shell command, each exactly once', () => {
    for (const platform of ['linux', 'win32', 'darwin']) {
      const used = entries(state({ platform, recent: [] })).flatMap((e) =>
        e.type === 'command' ? [e.command] : [],
      )
      expect([...used].sort()).toEqual([...MENU_COMMANDS, ...SHELL_COMMANDS].sort())
    }
  })

  it('never gives two items the same key, and leaves keys a text field types to the page', () => {
    for (const platform of ['linux', 'darwin']) {
      const keyed = entries(state({ platform })).flatMap((e) =>
        e.type !== 'separator' && e.type !== 'submenu' && e.accelerator ? [e] : [],
      )
      const keys = keyed.map((e) => e.accelerator)
      expect(new Set(keys).size).toBe(keys.length)
      for (const e of keyed) {
        const bare = !/(CmdOrCtrl|Command|Ctrl|Alt)\+/.test(e.accelerator!) && !/^F\d+$/.test(e.accelerator!)
        expect({ label: e.label, pageKey: e.type === 'command' && e.pageKey === true }).toEqual({
          label: e.label,
          pageKey: bare,
        })
      }
    }
  })

  it('lists the recent labs that still exist, newest first, at most ten, home written ~', () => {
    const recent = Array.from({ length: 12 }, (_, i) => ({
      path: `/home/ana/labs/lab-${i}.pacificlab`,
      name: `Lab ${i}`,
      exists: i !== 1,
    }))
    const open = flat(appMenu(state({ recent }))[0]!.items).find((e) => e.type === 'submenu')
    expect(open?.type === 'submenu' && open.items.length).toBe(10)
    expect(open?.type === 'submenu' && open.items.slice(0, 2)).toEqual([
      {
        type: 'command',
        label: 'Lab 0 (~/labs/lab-0.pacificlab)',
        command: 'openRecent',
        path: '/home/ana/labs/lab-0.pacificlab',
      },
      {
        type: 'command',
        label: 'Lab 2 (~/labs/lab-2.pacificlab)',
        command: 'openRecent',
        path: '/home/ana/labs/lab-2.pacificlab',
      },
    ])
    const none = flat(appMenu(state())[0]!.items).find((e) => e.type === 'submenu')
    expect(none?.type === 'submenu' && none.items).toEqual([
      { type: 'command', label: 'No Recent Labs', command: 'openRecent', enabled: false },
    ])
  })

  it('names what Undo and Redo would do, and disables them when there is nothing', () => {
    const edit = (s: MenuState) => appMenu(s)[1]!.items.slice(0, 2)
    expect(edit(state())).toMatchObject([
      { label: 'Undo', enabled: false },
      { label: 'Redo', enabled: false },
    ])
    expect(edit(state({ undoLabel: 'Add host', redoLabel: 'Rename vc' }))).toMatchObject([
      { label: 'Undo Add host', enabled: true },
      { label: 'Redo Rename vc', enabled: true },
    ])
  })

  it('offers the developer tools only in a development build', () => {
    const has = (devTools: boolean) =>
      entries(state({ devTools })).some((e) => e.type === 'role' && e.role === 'toggleDevTools')
    expect(has(false)).toBe(false)
    expect(has(true)).toBe(true)
  })

  it('writes ~ only for the home folder itself, not for a sibling sharing its prefix', () => {
    expect(shortPath('/home/ana/x.pacificlab', '/home/ana')).toBe('~/x.pacificlab')
    expect(shortPath('/home/anabel/x.pacificlab', '/home/ana')).toBe('/home/anabel/x.pacificlab')
    expect(shortPath('/srv/x.pacificlab', undefined)).toBe('/srv/x.pacificlab')
  })
})

describe('help texts', () => {
  it('writes keys as each platform does', () => {
    expect(displayAccelerator('CmdOrCtrl+Shift+S', 'linux')).toBe('Ctrl+Shift+S')
    expect(displayAccelerator('CmdOrCtrl+Shift+S', 'darwin')).toBe('⇧⌘S')
    expect(displayAccelerator('CmdOrCtrl+Plus', 'win32')).toBe('Ctrl++')
    expect(displayAccelerator('Left', 'darwin')).toBe('←')
    expect(displayAccelerator('Alt+Command+I', 'darwin')).toBe('⌥⌘I')
  })

  it('lists every key of the menu in the shortcut sheet, by menu', () => {
    const sections = shortcutSections(appMenu(state({ undoLabel: 'Add host' })), 'linux')
    expect(sections.map((s) => s.title)).toEqual(['File', 'Edit', 'View', 'Run', 'Help', 'Also'])
    const file = sections[0]!.shortcuts
    expect(file).toContainEqual({ keys: 'Ctrl+Shift+S', what: 'Save As' })
    expect(sections[1]!.shortcuts[0]).toEqual({ keys: 'Ctrl+Z', what: 'Undo' })
    expect(sections[3]!.shortcuts).toContainEqual({ keys: 'Space', what: 'Play or Pause' })
    const lines = shortcutLines(sections)
    expect(lines).toContain('  Ctrl+O        Open')
    expect(lines.every((line) => line.length <= 80)).toBe(true)
  })

  it('gives the versions a bug report needs, naming only the runtimes there are', () => {
    expect(
      aboutLines({
        name: 'Pacific Lab',
        version: '0.1.0',
        platform: 'linux',
        versions: { electron: '45.5.0', chrome: '142.0', node: '22.20.0', v8: '14.2' },
      }),
    ).toEqual([
      'Pacific Lab 0.1.0',
      'Electron 45.5.0',
      'Chromium 142.0',
      'Node.js 22.20.0',
      'V8 14.2',
      'Platform linux',
    ])
    expect(
      aboutLines({ name: 'Pacific Lab', version: '0.1.0', platform: 'darwin', versions: { node: '20.1' } }),
    ).toEqual(['Pacific Lab 0.1.0', 'Node.js 20.1', 'Platform darwin'])
  })
})
