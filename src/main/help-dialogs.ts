import { appMenu, type MenuState } from '../shared/menu/app-menu'
import { aboutLines, shortcutLines, shortcutSections } from '../shared/menu/help-text'
import type { MainContext } from './context'
import { showMessage } from './message-box'

/** Help > Keyboard Shortcuts: every key the menu answers, and the few more, by menu. */
export async function showShortcuts(context: MainContext, state: MenuState) {
  const sections = shortcutSections(appMenu(state), state.platform)
  await showMessage(context, {
    type: 'info',
    title: 'Keyboard shortcuts',
    message: 'Keyboard shortcuts',
    detail: shortcutLines(sections).join('\n'),
  })
}

/** Help > About: the version and the runtimes, as a bug report quotes them. */
export async function showAbout(context: MainContext) {
  const [title = '', ...rest] = aboutLines(context.service.handlers.getAppInfo())
  await showMessage(context, {
    type: 'info',
    title: 'About Pacific Lab',
    message: title,
    detail: rest.join('\n'),
  })
}
