import { dialog, type MessageBoxOptions } from 'electron'

import type { MainContext } from './context'

/** A message box on the app window (modal to it), or on its own when no window is open. */
export async function showMessage(context: MainContext, options: MessageBoxOptions) {
  const win = context.window()
  await (win ? dialog.showMessageBox(win, options) : dialog.showMessageBox(options))
}
