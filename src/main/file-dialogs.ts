import { dirname, isAbsolute, join, relative } from 'node:path'

import { app, dialog, type FileFilter } from 'electron'

import type { Input } from '../shared/contract/contract'
import { LAB_EXTENSION } from '../node/persistence/lab-file'
import { dispatchLogged } from '../node/logged-dispatch'
import type { MainContext } from './context'
import { showMessage } from './message-box'
import { focusWindow } from './window'

const LAB_FILTERS: FileFilter[] = [{ name: 'Pacific Lab labs', extensions: ['pacificlab'] }]

type FileRequest = 'newLab' | 'openLab' | 'saveLabAs'

/** What a failed file command tells the user: the title says what, the detail why. */
const FAILED: Record<FileRequest, string> = {
  newLab: 'The new lab was not created',
  openLab: 'The lab did not open',
  saveLabAs: 'The lab was not saved',
}

/** Runs a file request through the contract's checks, and shows its error in a message box. */
async function request<K extends FileRequest>(
  context: MainContext,
  name: K,
  input: Input<K>,
): Promise<boolean> {
  const result = await dispatchLogged(context.service.handlers, name, input, context.log, 'menu')
  if (result.ok) return true
  await showMessage(context, { type: 'error', message: FAILED[name], detail: result.error.message })
  return false
}

/**
 * Where a dialog starts: the open lab's folder, or the Documents folder while the open lab is one
 * kept in the data folder (the demo), which a user would not look for.
 */
function startFolder(context: MainContext): string {
  const lab = context.service.labFile.path
  const inside = relative(context.service.dataDir, lab)
  const inData = !inside.startsWith('..') && !isAbsolute(inside)
  return inData ? app.getPath('documents') : dirname(lab)
}

/**
 * A save dialog's answer as a lab path. Linux dialogs do not add the extension; a name typed
 * without it gets it, and then the file was never confirmed for replacing.
 */
function chosenLab(path: string): { path: string; confirmedReplace: boolean } {
  if (path.endsWith(LAB_EXTENSION)) return { path, confirmedReplace: true }
  return { path: path + LAB_EXTENSION, confirmedReplace: false }
}

async function askForNewFile(context: MainContext, title: string, button: string, name: string) {
  const answer = await dialog.showSaveDialog(context.ensureWindow(), {
    title,
    buttonLabel: button,
    defaultPath: join(startFolder(context), name + LAB_EXTENSION),
    filters: LAB_FILTERS,
    properties: ['createDirectory', 'showOverwriteConfirmation'],
  })
  return answer.canceled || !answer.filePath ? null : chosenLab(answer.filePath)
}

/** File > New Lab: an empty lab where the user says, opened. */
export async function newLabDialog(context: MainContext) {
  const chosen = await askForNewFile(context, 'New lab', 'Create', 'Untitled lab')
  if (chosen) await request(context, 'newLab', { path: chosen.path, overwrite: chosen.confirmedReplace })
}

/** File > Save As: a copy of the open lab (history, runs and view included), opened. */
export async function saveLabAsDialog(context: MainContext) {
  const name = `${context.service.labFile.document.name} copy`
  const chosen = await askForNewFile(context, 'Save lab as', 'Save', name)
  if (chosen) await request(context, 'saveLabAs', { path: chosen.path, overwrite: chosen.confirmedReplace })
}

/** File > Open: a lab file the user picks. */
export async function openLabDialog(context: MainContext) {
  const win = context.ensureWindow()
  const answer = await dialog.showOpenDialog(win, {
    title: 'Open a lab',
    defaultPath: startFolder(context),
    filters: LAB_FILTERS,
    properties: ['openFile'],
  })
  const path = answer.canceled ? undefined : answer.filePaths[0]
  if (path) await openLabAt(context, path)
}

/** Opens a lab file; a failure is shown in a message box. True when it opened. */
export const openLab = (context: MainContext, path: string) => request(context, 'openLab', { path })

/**
 * Opens a lab the user named outside the page: Open Recent, a second launch, macOS's open-file,
 * a file dropped on the window. Then the window comes to the front (opened again if need be).
 */
export async function openLabAt(context: MainContext, path: string) {
  await openLab(context, path)
  focusWindow(context.ensureWindow())
}
