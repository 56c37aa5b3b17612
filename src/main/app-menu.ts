import { homedir } from 'node:os'

import { app, Menu, type MenuItemConstructorOptions } from 'electron'

import { EVENT_CHANNEL } from '../shared/contract/channels'
import type { MenuCommandName, PushEvent } from '../shared/contract/contract'
import {
  appMenu,
  isShellCommand,
  type MenuEntry,
  type MenuState,
  type ShellCommandName,
} from '../shared/menu/app-menu'
import type { MainContext } from './context'
import { newLabDialog, openLabAt, openLabDialog, saveLabAsDialog } from './file-dialogs'
import { showAbout, showShortcuts } from './help-dialogs'

/** What the menu shows now: the open lab's undo and redo, the recent labs. */
function menuState(context: MainContext): MenuState {
  const { undoLabel, redoLabel } = context.service.handlers.getTopology()
  return {
    platform: process.platform,
    appName: 'Pacific Lab',
    recent: context.service.handlers.listRecentLabs().labs,
    undoLabel,
    redoLabel,
    devTools: !app.isPackaged,
    home: homedir(),
  }
}

/** The shell's own commands: done here, with native dialogs. */
function shellCommand(context: MainContext, command: ShellCommandName, entry: { path?: string }) {
  switch (command) {
    case 'newLab':
      return newLabDialog(context)
    case 'openLab':
      return openLabDialog(context)
    case 'openRecent':
      return entry.path ? openLabAt(context, entry.path) : undefined
    case 'saveLabAs':
      return saveLabAsDialog(context)
    case 'closeWindow':
      return context.window()?.close()
    case 'quit':
      return app.quit()
    case 'showShortcuts':
      return showShortcuts(context, menuState(context))
    case 'about':
      return showAbout(context)
  }
}

/** Every other command is the page's: pushed to the window as `menuCommand`. */
function pushCommand(context: MainContext, command: MenuCommandName) {
  const win = context.window()
  if (!win || win.isDestroyed()) return
  const event: PushEvent = { name: 'menuCommand', payload: { command } }
  win.webContents.send(EVENT_CHANNEL, event)
}

function run(context: MainContext, entry: Extract<MenuEntry, { type: 'command' }>) {
  const done = isShellCommand(entry.command)
    ? shellCommand(context, entry.command, entry)
    : pushCommand(context, entry.command)
  void Promise.resolve(done).catch((e: unknown) => context.log.error(`menu ${entry.command} failed`, e))
}

/** On Windows and Linux `&` marks a menu mnemonic; a lab named "R&D" keeps its ampersand. */
const literal = (label: string) => (process.platform === 'darwin' ? label : label.replaceAll('&', '&&'))

function toTemplate(context: MainContext, entries: readonly MenuEntry[]): MenuItemConstructorOptions[] {
  return entries.map((entry): MenuItemConstructorOptions => {
    switch (entry.type) {
      case 'separator':
        return { type: 'separator' }
      case 'submenu':
        return { label: entry.label, submenu: toTemplate(context, entry.items) }
      case 'role':
        return {
          role: entry.role,
          label: entry.label,
          ...(entry.accelerator ? { accelerator: entry.accelerator } : {}),
        }
      case 'command':
        return {
          label: literal(entry.label),
          ...(entry.accelerator ? { accelerator: entry.accelerator } : {}),
          // Keys a text field types stay with the page; the menu only shows them.
          ...(entry.pageKey ? { registerAccelerator: false } : {}),
          enabled: entry.enabled ?? true,
          click: () => run(context, entry),
        }
    }
  })
}

/**
 * Sets the application menu, and sets it again when what it shows changes (undo labels, recent
 * labs) as the lab changes.
 */
export function installAppMenu(context: MainContext): () => void {
  let shown = ''
  const update = () => {
    const state = menuState(context)
    const key = JSON.stringify(state)
    if (key === shown) return
    shown = key
    const menus = appMenu(state).map((menu) => ({ type: 'submenu' as const, ...menu }))
    Menu.setApplicationMenu(Menu.buildFromTemplate(toTemplate(context, menus)))
  }
  update()
  return context.service.onEvent((event) => {
    if (event.name === 'labChanged') update()
  })
}
