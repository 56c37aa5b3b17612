import type { ReactNode } from 'react'

import '../export/export-dialog.css'

interface Props {
  title: string
  testId: string
  /** More classes for the dialog box (its size). */
  className: string
  onClose: () => void
  /** More attributes of the dialog box (`data-*`). */
  data?: Record<`data-${string}`, string>
  /** Controls beside the title; Close or Cancel comes last. */
  header?: ReactNode
  closeLabel?: string
  /** The close button takes the focus when the dialog opens (no field to type in first). */
  focusClose?: boolean
  children: ReactNode
}

/**
 * A modal dialog of the page: a backdrop that closes it when clicked, the box with its title
 * and a close button (Escape closes it too: the keymap's). The menu bar's dialogs use it.
 */
export function ModalFrame(props: Props) {
  return (
    <div className="export-backdrop" role="presentation" onClick={props.onClose}>
      <div
        className={`export-dialog ${props.className}`}
        role="dialog"
        aria-modal="true"
        aria-label={props.title}
        data-testid={props.testId}
        {...props.data}
        onClick={(e) => e.stopPropagation()}
      >
        <header className="export-header">
          <h2>{props.title}</h2>
          {props.header}
          <span className="spacer" />
          <button
            type="button"
            data-testid={`${props.testId}-close`}
            autoFocus={props.focusClose}
            onClick={props.onClose}
          >
            {props.closeLabel ?? 'Close'}
          </button>
        </header>
        {props.children}
      </div>
    </div>
  )
}
