import type { MenuEntry, TopMenu } from './app-menu'

/** Keys that no menu item carries but a person should know. */
const MORE_SHORTCUTS: readonly { keys: string; what: string }[] = [
  { keys: 'Escape', what: 'Clear the selection; close a menu or dialog' },
  { keys: 'CmdOrCtrl+Y', what: 'Redo (as CmdOrCtrl+Shift+Z)' },
  { keys: 'Backspace', what: 'Delete (as Delete)' },
]

const MAC_KEYS: Readonly<Record<string, string>> = {
  CmdOrCtrl: '⌘',
  Command: '⌘',
  Cmd: '⌘',
  Ctrl: '⌃',
  Control: '⌃',
  Alt: '⌥',
  Option: '⌥',
  Shift: '⇧',
  Left: '←',
  Right: '→',
  Up: '↑',
  Down: '↓',
  Plus: '+',
  Delete: '⌦',
  Backspace: '⌫',
}
const OTHER_KEYS: Readonly<Record<string, string>> = {
  CmdOrCtrl: 'Ctrl',
  Command: 'Ctrl',
  Cmd: 'Ctrl',
  Control: 'Ctrl',
  Option: 'Alt',
  Plus: '+',
}

/** An Electron accelerator as a person reads it: `⇧⌘S` on macOS, `Ctrl+Shift+S` elsewhere. */
export function displayAccelerator(accelerator: string, platform: string): string {
  // `CmdOrCtrl++` is not valid Electron; `Plus` is, so splitting on '+' is safe.
  const parts = accelerator.split('+').filter((part) => part !== '')
  if (platform === 'darwin') {
    const keys = parts.map((part) => MAC_KEYS[part] ?? part)
    // macOS writes modifiers in a fixed order: Control, Option, Shift, Command.
    const order = ['⌃', '⌥', '⇧', '⌘']
    const modifiers = keys.slice(0, -1).sort((a, b) => order.indexOf(a) - order.indexOf(b))
    return [...modifiers, ...keys.slice(-1)].join('')
  }
  return parts.map((part) => OTHER_KEYS[part] ?? part).join('+')
}

export interface ShortcutSection {
  title: string
  shortcuts: { keys: string; what: string }[]
}

/** Every key the menu answers, by top menu, and the few more; for Help > Keyboard Shortcuts. */
export function shortcutSections(menus: readonly TopMenu[], platform: string): ShortcutSection[] {
  const sections = menus
    .map((menu) => ({
      title: menu.label,
      shortcuts: withKeys(menu.items).map((entry) => ({
        keys: displayAccelerator(entry.accelerator, platform),
        what: entry.label.replace(/…$/, ''),
      })),
    }))
    .filter((section) => section.shortcuts.length > 0)
  const more = MORE_SHORTCUTS.map((s) => ({ keys: displayAccelerator(s.keys, platform), what: s.what }))
  return [...sections, { title: 'Also', shortcuts: more }]
}

function withKeys(items: readonly MenuEntry[]): { label: string; accelerator: string }[] {
  return items.flatMap((entry) => {
    if (entry.type === 'submenu') return withKeys(entry.items)
    if (entry.type === 'separator' || entry.accelerator === undefined) return []
    // A command's label may name what it acts on ("Undo Add host"); the sheet names the action.
    const label = entry.type === 'command' ? entry.label.replace(/^(Undo|Redo) .*/, '$1') : entry.label
    return [{ label, accelerator: entry.accelerator }]
  })
}

/** The shortcut sheet as text lines (the Electron Help dialog shows it so). */
export function shortcutLines(sections: readonly ShortcutSection[]): string[] {
  const width = Math.max(...sections.flatMap((s) => s.shortcuts.map((k) => k.keys.length)))
  return sections.flatMap((section, i) => [
    ...(i > 0 ? [''] : []),
    section.title,
    ...section.shortcuts.map((k) => `  ${k.keys.padEnd(width)}  ${k.what}`),
  ])
}

const RUNTIME_NAMES: Readonly<Record<string, string>> = {
  electron: 'Electron',
  chrome: 'Chromium',
  node: 'Node.js',
  v8: 'V8',
}

/** Help > About: the app's version and what it runs on, as a user quotes them in a bug report. */
export function aboutLines(info: {
  name: string
  version: string
  platform: string
  versions?: Readonly<Record<string, string>> | undefined
}): string[] {
  const runtimes = Object.entries(RUNTIME_NAMES).flatMap(([key, name]) => {
    const version = info.versions?.[key]
    return version ? [`${name} ${version}`] : []
  })
  return [`${info.name} ${info.version}`, ...runtimes, `Platform ${info.platform}`]
}
