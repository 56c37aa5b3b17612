import { ReactFlowProvider } from '@xyflow/react'
import { useEffect } from 'react'

import { LabCanvas } from './canvas/LabCanvas'
import { dismissError, reportError, startLabSession } from './stores/lab-actions'
import { selectAppInfo, selectError, selectSnapshot, useLabStore } from './stores/lab-store'

export function App() {
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
      <main className="workspace">
        {snapshot ? (
          <ReactFlowProvider>
            <LabCanvas topology={snapshot.topology} />
          </ReactFlowProvider>
        ) : (
          <div className="loading">Opening the lab…</div>
        )}
      </main>
    </div>
  )
}
