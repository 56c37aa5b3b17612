import {
  appMenu,
  isShellCommand,
  type MenuEntry,
  type MenuState,
  type NativeRole,
  type TopMenu,
} from '../../../shared/menu/app-menu'
import { copySelection, deleteSelection, paste } from '../stores/edit-actions'
import { openDialog } from '../stores/dialog-store'
import { toast } from '../stores/notice-store'
import { openRecentLab } from '../files/file-actions'
import { isTypingTarget, runPageCommand } from './page-commands'

/** Roles a page can do itself; the rest (services, hide, the window menu, devtools) are the OS's. */
const PAGE_ROLES: ReadonlySet<NativeRole> = new Set(['cut', 'copy', 'paste', 'togglefullscreen'])

/**
 * The menu bar the page draws where there is no native menu (serve mode): the shared
 * description (src/shared/menu/app-menu.ts) as on Linux and Windows, since the browser keeps
 * its own application menu, without Quit (a page cannot stop the server; closing the tab is
 * Close Window) and without the operating system's roles.
 */
export function serveMenus(state: Omit<MenuState, 'platform' | 'devTools'>): TopMenu[] {
  // Not macOS: File holds every file command (macOS would move some to an app menu).
  const menus = appMenu({ ...state, platform: 'browser', devTools: false })
  return menus.map((menu) => ({ ...menu, items: tidy(menu.items.flatMap(pageEntry)) }))
}

function pageEntry(entry: MenuEntry): MenuEntry[] {
  if (entry.type === 'command' && entry.command === 'quit') return []
  if (entry.type === 'role' && !PAGE_ROLES.has(entry.role)) return []
  if (entry.type === 'submenu') return [{ ...entry, items: entry.items.flatMap(pageEntry) }]
  return [entry]
}

/** No separator first, last or twice in a row once items are left out. */
const tidy = (items: MenuEntry[]) =>
  items.filter(
    (entry, i) =>
      entry.type !== 'separator' || (i > 0 && i < items.length - 1 && items[i - 1]?.type !== 'separator'),
  )

/** Runs what a menu item says, the same command Electron's menu runs, through the page's handlers. */
export function runMenuEntry(entry: MenuEntry): unknown {
  if (entry.type === 'role') return runRole(entry.role)
  if (entry.type !== 'command') return undefined
  const command = entry.command
  if (!isShellCommand(command)) return runPageCommand(command)
  switch (command) {
    case 'newLab':
      return openDialog('new-lab')
    case 'openLab':
      return openDialog('open-lab')
    case 'openRecent':
      return entry.path ? openRecentLab(entry.path) : undefined
    case 'saveLabAs':
      return openDialog('save-lab-as')
    case 'closeWindow':
    case 'quit':
      return closeTab()
    case 'showShortcuts':
      return openDialog('shortcuts')
    case 'about':
      return openDialog('about')
  }
}

/** Cut, copy and paste act on the focused field as the browser's own would; else on the lab's objects. */
function runRole(role: NativeRole): unknown {
  if (role === 'togglefullscreen')
    return document.fullscreenElement
      ? document.exitFullscreen()
      : document.documentElement.requestFullscreen()
  const field = isTypingTarget(document.activeElement)
  if (field) return document.execCommand(role)
  if (role === 'copy') return copySelection()
  if (role === 'paste') return paste()
  if (role === 'cut') return (copySelection(), deleteSelection())
  return undefined
}

/**
 * Close Window: a browser closes only the tabs a page opened itself; when this tab stays, the
 * page says so (the lab is saved with every change, so nothing waits to be saved).
 */
function closeTab() {
  window.close()
  toast('The browser keeps this tab open: close it yourself. Every change is already saved in the lab file.')
}
