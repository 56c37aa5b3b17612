import { aboutLines, shortcutSections } from '../../../shared/menu/help-text'
import { isMac } from '../keymap/keymap'
import { selectAppInfo, useLabStore } from '../stores/lab-store'
import { serveMenus } from './serve-menu'
import { ModalFrame } from '../dialogs/ModalFrame'
import './menu-bar.css'

/** Help > Keyboard Shortcuts in serve mode: every key the menu answers, by menu, and the few more. */
export function ShortcutsDialog({ onClose }: { onClose: () => void }) {
  const menus = serveMenus({ appName: 'Pacific Lab', recent: [], undoLabel: null, redoLabel: null })
  const sections = shortcutSections(menus, isMac(navigator.platform) ? 'darwin' : 'other')
  return (
    <ModalFrame
      title="Keyboard shortcuts"
      testId="shortcuts-dialog"
      className="help-dialog"
      focusClose
      onClose={onClose}
    >
      <div className="help-body">
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
      </div>
    </ModalFrame>
  )
}

/** Help > About in serve mode: the version and what runs it, as a bug report quotes them. */
export function AboutDialog({ onClose }: { onClose: () => void }) {
  const info = useLabStore(selectAppInfo)
  const [title = 'Pacific Lab', ...rest] = info ? aboutLines(info) : []
  return (
    <ModalFrame
      title="About Pacific Lab"
      testId="about-dialog"
      className="help-dialog"
      focusClose
      onClose={onClose}
    >
      <div className="help-body">
        <p>
          <strong>{title}</strong>
        </p>
        {rest.map((line) => (
          <p key={line}>{line}</p>
        ))}
      </div>
    </ModalFrame>
  )
}
