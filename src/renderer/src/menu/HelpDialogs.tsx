import type { ReactNode } from 'react'

import { aboutLines, shortcutSections } from '../../../shared/menu/help-text'
import { isMac } from '../keymap/keymap'
import { selectAppInfo, useLabStore } from '../stores/lab-store'
import { serveMenus } from './serve-menu'
import '../export/export-dialog.css'
import './menu-bar.css'

function HelpDialog(props: { title: string; testId: string; onClose: () => void; children: ReactNode }) {
  return (
    <div className="export-backdrop" role="presentation" onClick={props.onClose}>
      <div
        className="export-dialog help-dialog"
        role="dialog"
        aria-modal="true"
        aria-label={props.title}
        data-testid={props.testId}
        onClick={(e) => e.stopPropagation()}
      >
        <header className="export-header">
          <h2>{props.title}</h2>
          <span className="spacer" />
          <button type="button" autoFocus onClick={props.onClose}>
            Close
          </button>
        </header>
        <div className="help-body">{props.children}</div>
      </div>
    </div>
  )
}

/** Help > Keyboard Shortcuts in serve mode: every key the menu answers, by menu, and the few more. */
export function ShortcutsDialog({ onClose }: { onClose: () => void }) {
  const menus = serveMenus({ appName: 'Pacific Lab', recent: [], undoLabel: null, redoLabel: null })
  const sections = shortcutSections(menus, isMac(navigator.platform) ? 'darwin' : 'other')
  return (
    <HelpDialog title="Keyboard shortcuts" testId="shortcuts-dialog" onClose={onClose}>
      {sections.map((section) => (
        <section key={section.title}>
          <h3>{section.title}</h3>
          <dl className="help-keys">
            {section.shortcuts.map((s) => (
              <div key={s.keys + s.what}>
                <dt>{s.keys}</dt>
                <dd>{s.what}</dd>
              </div>
            ))}
          </dl>
        </section>
      ))}
    </HelpDialog>
  )
}

/** Help > About in serve mode: the version and what runs it, as a bug report quotes them. */
export function AboutDialog({ onClose }: { onClose: () => void }) {
  const info = useLabStore(selectAppInfo)
  const [title = 'Pacific Lab', ...rest] = info ? aboutLines(info) : []
  return (
    <HelpDialog title="About Pacific Lab" testId="about-dialog" onClose={onClose}>
      <p>
        <strong>{title}</strong>
      </p>
      {rest.map((line) => (
        <p key={line}>{line}</p>
      ))}
    </HelpDialog>
  )
}
