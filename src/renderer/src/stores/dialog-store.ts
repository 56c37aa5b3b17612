import { create } from 'zustand'

/**
 * The page's modal dialogs; the file browser's three and the two help dialogs belong to the
 * serve-mode menu bar (Electron shows native ones).
 */
export type DialogName = 'export' | 'import' | 'new-lab' | 'open-lab' | 'save-lab-as' | 'shortcuts' | 'about'

interface DialogState {
  /** The modal dialog on screen, or null. */
  open: DialogName | null
}

/** Which modal dialog is open: the keymap opens and closes them as the buttons do. */
export const useDialogStore = create<DialogState>()(() => ({ open: null }))

export const selectOpenDialog = (s: DialogState) => s.open
export const openDialog = (open: DialogName) => useDialogStore.setState({ open })
export const closeDialog = () => useDialogStore.setState({ open: null })
