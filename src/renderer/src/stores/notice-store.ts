import { create } from 'zustand'

/** A short message shown at the bottom of the canvas, e.g. why a drop was refused. */
export interface Toast {
  id: number
  message: string
  tone: 'info' | 'error'
}

interface NoticeState {
  toasts: readonly Toast[]
  /** The last request that failed, shown in a banner until dismissed. */
  error: string | null
}

/** What the app tells the user in passing: toasts and the error banner. */
export const useNoticeStore = create<NoticeState>()(() => ({ toasts: [], error: null }))

export const selectToasts = (s: NoticeState) => s.toasts
export const selectError = (s: NoticeState) => s.error

const TOAST_MS = 5000
let toastSeq = 0

/** Shows a message for a few seconds (e.g. why a drop was refused); at most three at once. */
export function toast(message: string, tone: Toast['tone'] = 'info') {
  const id = ++toastSeq
  useNoticeStore.setState((s) => ({ toasts: [...s.toasts.slice(-2), { id, message, tone }] }))
  setTimeout(
    () => useNoticeStore.setState((s) => ({ toasts: s.toasts.filter((t) => t.id !== id) })),
    TOAST_MS,
  )
}

export function reportError(message: string) {
  useNoticeStore.setState({ error: message })
}

export function dismissError() {
  useNoticeStore.setState({ error: null })
}
