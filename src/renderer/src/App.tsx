import { ReactFlowProvider } from '@xyflow/react'
import { useEffect, useState } from 'react'

import { PlainBench } from './bench/PlainBench'
import { isPlainBench } from './bench/bench-lab'
import { LabCanvas } from './canvas/LabCanvas'
import { ExportDialog } from './export/ExportDialog'
import { ImportDialog } from './import/ImportDialog'
import { Inspector } from './inspector/Inspector'
import { Palette } from './palette/Palette'
import { PanelBoundary } from './PanelBoundary'
import { PlaybackPanel } from './playback/PlaybackPanel'
import { ProblemsPanel } from './problems/ProblemsPanel'
import { dismissError, reportError, startLabSession } from './stores/lab-actions'
import { selectAppInfo, selectError, selectSnapshot, useLabStore } from './stores/lab-store'
import { SearchBox } from './toolbar/SearchBox'
import { Toasts } from './toolbar/Toasts'
import { Toolbar } from './toolbar/Toolbar'

export function App() {
  const search = window.location.search
  if (isPlainBench(search)) return <PlainBench count={Number(new URLSearchParams(search).get('bench'))} />
  return <LabApp />
}

function LabApp() {
  const snapshot = useLabStore(selectSnapshot)
  const error = useLabStore(selectError)
  const appInfo = useLabStore(selectAppInfo)
  const [dialog, setDialog] = useState<'export' | 'import' | null>(null)
  const closeDialog = () => setDialog(null)

  // Cmd+E on macOS (where Ctrl+E moves to the end of a line), Ctrl+E elsewhere, opens the export dialog.
  useEffect(() => {
    const mac = navigator.platform.startsWith('Mac')
    const onKey = (e: KeyboardEvent) => {
      if ((mac ? e.metaKey : e.ctrlKey) && !e.altKey && e.key.toLowerCase() === 'e') {
        e.preventDefault()
        setDialog('export')
      }
    }
    window.addEventListener('keydown', onKey)
    return () => window.removeEventListener('keydown', onKey)
  }, [])

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
    <div className="app" data-testid={snapshot ? 'app-ready' : 'app-loading'}>
      <header className="titlebar">
        <span className="brand">Pacific Lab</span>
        <span className="lab-name">{snapshot?.name ?? 'Opening…'}</span>
        {snapshot?.readOnly ? <span className="badge">read-only</span> : null}
        <span className="spacer" />
        <button
          type="button"
          data-testid="export-open"
          disabled={!snapshot}
          onClick={() => setDialog('export')}
        >
          Export…
        </button>
        <button
          type="button"
          data-testid="import-open"
          disabled={!snapshot}
          onClick={() => setDialog('import')}
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
    </div>
  )
}
