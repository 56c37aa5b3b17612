import { ReactFlowProvider } from '@xyflow/react'
import { useEffect } from 'react'

import { PlainBench } from './bench/PlainBench'
import { isPlainBench } from './bench/bench-lab'
import { LabCanvas } from './canvas/LabCanvas'
import { Inspector } from './inspector/Inspector'
import { Palette } from './palette/Palette'
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
            <Palette />
            <div className="center">
              <Toolbar />
              <LabCanvas topology={snapshot.topology} />
              <SearchBox topology={snapshot.topology} />
              <Toasts />
            </div>
            <Inspector topology={snapshot.topology} readOnly={snapshot.readOnly} />
          </main>
          <ProblemsPanel topology={snapshot.topology} />
          <PlaybackPanel />
        </ReactFlowProvider>
      ) : (
        <main className="workspace">
          <div className="loading">Opening the lab…</div>
        </main>
      )}
    </div>
  )
}
