import { ReactFlowProvider } from '@xyflow/react'
import { useEffect } from 'react'

import { labClient } from './api/lab-client'
import { LabCanvas } from './canvas/LabCanvas'
import { ExportDialog } from './export/ExportDialog'
import { FileBrowserDialog } from './files/FileBrowserDialog'
import { ImportDialog } from './import/ImportDialog'
import { Inspector } from './inspector/Inspector'
import { useKeymap } from './keymap/use-keymap'
import { AboutDialog, ShortcutsDialog } from './menu/HelpDialogs'
import { MenuBar } from './menu/MenuBar'
import { followMenuCommands, pageDrawsMenu } from './menu/page-commands'
import { Palette } from './palette/Palette'
import { PanelBoundary } from './PanelBoundary'
import { PlaybackPanel } from './playback/PlaybackPanel'
import { ProblemsPanel } from './problems/ProblemsPanel'
import { closeDialog, openDialog, selectOpenDialog, useDialogStore } from './stores/dialog-store'
import { selectAppInfo, selectSnapshot, selectWrites, useLabStore } from './stores/lab-store'
import { startLabSession } from './stores/lab-sync'
import { dismissError, reportError, selectError, useNoticeStore } from './stores/notice-store'
import { selectLayout, usePanelStore } from './stores/panel-store'
import { SearchBox } from './toolbar/SearchBox'
import { Toasts } from './toolbar/Toasts'
import { Toolbar } from './toolbar/Toolbar'

/** The window: title bar, palette, canvas, inspector, problems and playback. */
export function App() {
  const snapshot = useLabStore(selectSnapshot)
  const writes = useLabStore(selectWrites)
  const error = useNoticeStore(selectError)
  const appInfo = useLabStore(selectAppInfo)
  const dialog = useDialogStore(selectOpenDialog)
  const layout = usePanelStore(selectLayout)
  const sized = layout.playbackHeight !== undefined || layout.problemsHeight !== undefined
  useKeymap()

  // Electron's native menu pushes the commands the page answers.
  useEffect(() => followMenuCommands(labClient()), [])
  useEffect(() => {
    let off: (() => void) | undefined
    let cancelled = false
    startLabSession()
      .then((unsubscribe) => {
        if (cancelled) unsubscribe()
        else off = unsubscribe
      })
      .catch((e: unknown) => reportError(String(e)))
    return () => {
      cancelled = true
      off?.()
    }
  }, [])

  return (
    <div
      className={sized ? 'app has-sized-panels' : 'app'}
      data-testid={snapshot ? 'app-ready' : 'app-loading'}
      data-revision={snapshot?.revision}
      data-lab-writes={writes}
    >
      <header className="titlebar">
        <span className="brand">Pacific Lab</span>
        {pageDrawsMenu(appInfo) ? <MenuBar /> : null}
        <span className="lab-name">{snapshot?.name ?? 'Opening…'}</span>
        {snapshot?.readOnly ? <span className="badge">read-only</span> : null}
        <span className="spacer" />
        <button
          type="button"
          data-testid="export-open"
          disabled={!snapshot}
          onClick={() => openDialog('export')}
          title="Ctrl/Cmd+E"
        >
          Export…
        </button>
        <button
          type="button"
          data-testid="import-open"
          disabled={!snapshot}
          onClick={() => openDialog('import')}
        >
          Import…
        </button>
        {appInfo ? (
          <span className="app-version">
            v{appInfo.version} · {appInfo.shell}
          </span>
        ) : null}
      </header>
      {error ? (
        <div className="error-banner" role="alert">
          <span>{error}</span>
          <button type="button" onClick={dismissError}>
            Dismiss
          </button>
        </div>
      ) : null}
      {snapshot ? (
        <ReactFlowProvider>
          <main className="workspace">
            <PanelBoundary name="Palette">
              <Palette />
            </PanelBoundary>
            <div className="center">
              <PanelBoundary name="Canvas">
                <Toolbar />
                <LabCanvas topology={snapshot.topology} />
                <SearchBox topology={snapshot.topology} />
                <Toasts />
              </PanelBoundary>
            </div>
            <PanelBoundary name="Inspector">
              <Inspector topology={snapshot.topology} readOnly={snapshot.readOnly} />
            </PanelBoundary>
          </main>
          <PanelBoundary name="Problems">
            <ProblemsPanel topology={snapshot.topology} />
          </PanelBoundary>
          <PanelBoundary name="Playback">
            <PlaybackPanel />
          </PanelBoundary>
        </ReactFlowProvider>
      ) : (
        <main className="workspace">
          <div className="loading">Opening the lab…</div>
        </main>
      )}
      <ExportDialog open={dialog === 'export'} onClose={closeDialog} />
      <ImportDialog open={dialog === 'import'} onClose={closeDialog} />
      <FileBrowserDialog
        mode={dialog === 'new-lab' || dialog === 'open-lab' || dialog === 'save-lab-as' ? dialog : null}
        onClose={closeDialog}
      />
      {dialog === 'shortcuts' ? <ShortcutsDialog onClose={closeDialog} /> : null}
      {dialog === 'about' ? <AboutDialog onClose={closeDialog} /> : null}
    </div>
  )
}
