import { create } from 'zustand'

export type DialogName = 'export' | 'import'

interface DialogState {
  /** The modal dialog on screen, or null. */
  open: DialogName | null
}

/** Which modal dialog is open: the keymap opens and closes them as the buttons do. */
export const useDialogStore = create<DialogState>()(() => ({ open: null }))

export const selectOpenDialog = (s: DialogState) => s.open
export const openDialog = (open: DialogName) => useDialogStore.setState({ open })
export const closeDialog = () => useDialogStore.setState({ open: null })
