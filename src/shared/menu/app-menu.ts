import type { MenuCommandName } from '../contract/contract'

/**
 * The application menu as plain data, for the Electron menu (src/main/app-menu.ts) and the menu
 * bar the renderer draws in serve mode alike, so both offer the same commands under the same
 * names and keys. Accelerators use Electron's syntax (`CmdOrCtrl+Shift+S`);
 * `displayAccelerator` writes them as a person reads them.
 */

/**
 * Commands the shell does itself: in Electron the main process, with native dialogs; in serve
 * mode the renderer, with its own (the file browser, `listFolder`). Never pushed as `menuCommand`.
 */
export const SHELL_COMMANDS = [
  'newLab',
  'openLab',
  'openRecent',
  'saveLabAs',
  'closeWindow',
  'quit',
  'showShortcuts',
  'about',
] as const
export type ShellCommandName = (typeof SHELL_COMMANDS)[number]
export type AppCommand = MenuCommandName | ShellCommandName

/** Whether the shell does `command` itself (else the page answers it). */
export const isShellCommand = (command: AppCommand): command is ShellCommandName =>
  (SHELL_COMMANDS as readonly string[]).includes(command)

/** What the platform does natively (Electron menu roles); a browser does these itself. */
export type NativeRole =
  | 'cut'
  | 'copy'
  | 'paste'
  | 'togglefullscreen'
  | 'toggleDevTools'
  | 'services'
  | 'hide'
  | 'hideOthers'
  | 'unhide'
  | 'windowMenu'

export type MenuEntry =
  | {
      type: 'command'
      label: string
      command: AppCommand
      accelerator?: string
      /**
       * A key the page handles itself (no modifier, or one a text field types): the menu shows
       * it but does not take it from the page.
       */
      pageKey?: boolean
      enabled?: boolean
      /** The lab an `openRecent` item opens. */
      path?: string
    }
  | { type: 'role'; role: NativeRole; label: string; accelerator?: string }
  | { type: 'submenu'; label: string; items: MenuEntry[] }
  | { type: 'separator' }

export interface TopMenu {
  label: string
  items: MenuEntry[]
}

/** What the menu shows that changes while the app runs. */
export interface MenuState {
  /** `process.platform` of the machine the menu is for: macOS has the app menu and no Quit in File. */
  platform: string
  appName: string
  /** Recent labs, newest first (`listRecentLabs`); files that are gone are left out. */
  recent: readonly { path: string; name: string; exists: boolean }[]
  undoLabel: string | null
  redoLabel: string | null
  /** Offer the developer tools (a development build). */
  devTools: boolean
  /** The user's home folder, written `~` in recent paths. */
  home?: string
}

/** How many recent labs Open Recent lists. */
export const RECENT_MENU_LIMIT = 10

const SEPARATOR: MenuEntry = { type: 'separator' }
const command = (
  label: string,
  name: AppCommand,
  accelerator?: string,
  more: Partial<Extract<MenuEntry, { type: 'command' }>> = {},
): MenuEntry => ({ type: 'command', label, command: name, ...(accelerator ? { accelerator } : {}), ...more })
const role = (name: NativeRole, label: string, accelerator?: string): MenuEntry => ({
  type: 'role',
  role: name,
  label,
  ...(accelerator ? { accelerator } : {}),
})

/** The whole application menu for `state`, top menus in order. */
export function appMenu(state: MenuState): TopMenu[] {
  const mac = state.platform === 'darwin'
  const menus: TopMenu[] = [
    { label: 'File', items: fileMenu(state, mac) },
    { label: 'Edit', items: editMenu(state) },
    { label: 'View', items: viewMenu(state, mac) },
    { label: 'Run', items: runMenu() },
    ...(mac ? [{ label: 'Window', items: [role('windowMenu', 'Window')] }] : []),
    { label: 'Help', items: helpMenu(state, mac) },
  ]
  return mac ? [{ label: state.appName, items: macAppMenu(state) }, ...menus] : menus
}

function macAppMenu(state: MenuState): MenuEntry[] {
  return [
    command(`About ${state.appName}`, 'about'),
    SEPARATOR,
    role('services', 'Services'),
    SEPARATOR,
    role('hide', `Hide ${state.appName}`, 'Command+H'),
    role('hideOthers', 'Hide Others', 'Command+Alt+H'),
    role('unhide', 'Show All'),
    SEPARATOR,
    command(`Quit ${state.appName}`, 'quit', 'Command+Q'),
  ]
}

function fileMenu(state: MenuState, mac: boolean): MenuEntry[] {
  return [
    command('New Lab…', 'newLab', 'CmdOrCtrl+N'),
    command('Open…', 'openLab', 'CmdOrCtrl+O'),
    { type: 'submenu', label: 'Open Recent', items: recentItems(state) },
    command('Save As…', 'saveLabAs', 'CmdOrCtrl+Shift+S'),
    SEPARATOR,
    command('Import Manifests…', 'importManifests', 'CmdOrCtrl+I'),
    command('Export Manifests…', 'exportManifests', 'CmdOrCtrl+E'),
    command('Export Image…', 'exportImage', 'CmdOrCtrl+Shift+E'),
    SEPARATOR,
    command('Close Window', 'closeWindow', 'CmdOrCtrl+W'),
    ...(mac ? [] : [command('Quit', 'quit', 'CmdOrCtrl+Q')]),
  ]
}

function recentItems(state: MenuState): MenuEntry[] {
  const labs = state.recent.filter((lab) => lab.exists).slice(0, RECENT_MENU_LIMIT)
  if (labs.length === 0) return [command('No Recent Labs', 'openRecent', undefined, { enabled: false })]
  return labs.map((lab) =>
    command(`${lab.name} (${shortPath(lab.path, state.home)})`, 'openRecent', undefined, { path: lab.path }),
  )
}

/** A path with the home folder written `~`, as file managers show it. */
export function shortPath(path: string, home: string | undefined): string {
  if (!home || !path.startsWith(home)) return path
  const rest = path.slice(home.length)
  return rest === '' || rest.startsWith('/') || rest.startsWith('\\') ? `~${rest}` : path
}

function editMenu(state: MenuState): MenuEntry[] {
  return [
    command(state.undoLabel ? `Undo ${state.undoLabel}` : 'Undo', 'undo', 'CmdOrCtrl+Z', {
      enabled: state.undoLabel !== null,
    }),
    command(state.redoLabel ? `Redo ${state.redoLabel}` : 'Redo', 'redo', 'CmdOrCtrl+Shift+Z', {
      enabled: state.redoLabel !== null,
    }),
    SEPARATOR,
    role('cut', 'Cut', 'CmdOrCtrl+X'),
    role('copy', 'Copy', 'CmdOrCtrl+C'),
    role('paste', 'Paste', 'CmdOrCtrl+V'),
    command('Duplicate', 'duplicate', 'CmdOrCtrl+D'),
    command('Delete', 'delete', 'Delete', { pageKey: true }),
    command('Select All', 'selectAll', 'CmdOrCtrl+A'),
    SEPARATOR,
    command('Find…', 'find', 'CmdOrCtrl+F'),
  ]
}

function viewMenu(state: MenuState, mac: boolean): MenuEntry[] {
  return [
    command('Fit to Window', 'fitView', 'CmdOrCtrl+0'),
    command('Zoom In', 'zoomIn', 'CmdOrCtrl+Plus'),
    command('Zoom Out', 'zoomOut', 'CmdOrCtrl+-'),
    command('Auto-layout', 'autoLayout', 'CmdOrCtrl+Shift+L'),
    SEPARATOR,
    command('Light or Dark Theme', 'toggleTheme'),
    role('togglefullscreen', 'Full Screen', mac ? 'Ctrl+Command+F' : 'F11'),
    ...(state.devTools
      ? [role('toggleDevTools', 'Developer Tools', mac ? 'Alt+Command+I' : 'Ctrl+Shift+I')]
      : []),
  ]
}

function runMenu(): MenuEntry[] {
  return [
    command('Provision (Start a Run)', 'startRun', 'F5'),
    SEPARATOR,
    command('Play or Pause', 'playPause', 'Space', { pageKey: true }),
    command('Step Back', 'stepBack', 'Left', { pageKey: true }),
    command('Step Forward', 'stepForward', 'Right', { pageKey: true }),
    command('Jump to Start', 'jumpStart', 'Home', { pageKey: true }),
    command('Jump to End', 'jumpEnd', 'End', { pageKey: true }),
  ]
}

function helpMenu(state: MenuState, mac: boolean): MenuEntry[] {
  return [
    command('Keyboard Shortcuts', 'showShortcuts', 'CmdOrCtrl+/'),
    ...(mac ? [] : [SEPARATOR, command(`About ${state.appName}`, 'about')]),
  ]
}
