import { useEffect, useRef, useState } from 'react'

import { ResizeHandle } from '../panels/ResizeHandle'
import { selectLayout, usePanelStore } from '../stores/panel-store'
import { setView, startPlaybackSession } from '../stores/playback-actions'
import { selectRunId, selectView, usePlaybackStore } from '../stores/playback-store'
import { setPanelLayout } from '../stores/view-state-actions'
import { EventList } from './EventList'
import { EventFilterBar } from './EventFilterBar'
import { HostFaultMenu } from './HostFaultMenu'
import { PlaybackBar } from './PlaybackBar'
import { ProvisionControls } from './ProvisionControls'
import { SequenceDiagram } from './SequenceDiagram'
import { StaleRunBanner } from './StaleRunBanner'
import { StepDetail } from './StepDetail'
import { Timeline } from './Timeline'
import './playback.css'

/**
 * The bottom panel: provision, playback bar, timeline, then events or diagram beside the step
 * detail. Its top edge drags to resize it and its body folds away; both are kept with the lab.
 */
export function PlaybackPanel() {
  const runId = usePlaybackStore(selectRunId)
  const view = usePlaybackStore(selectView)
  const layout = usePanelStore(selectLayout)
  const [live, setLive] = useState<number | null>(null)
  const panel = useRef<HTMLElement>(null)
  useEffect(() => startPlaybackSession(), [])
  const folded = layout.playbackFolded ?? false
  const height = folded || !runId ? undefined : (live ?? layout.playbackHeight)
  return (
    <section
      ref={panel}
      className={`playback-panel${height === undefined ? '' : ' is-sized'}`}
      style={height === undefined ? undefined : { height }}
      aria-label="Provisioning playback"
      data-testid="playback-panel"
    >
      {runId && !folded ? (
        <ResizeHandle
          label="Resize the playback panel"
          testId="playback-resize"
          panel={() => panel.current}
          onResize={setLive}
          onCommit={(h) => {
            setLive(null)
            setPanelLayout({ playbackHeight: h })
          }}
        />
      ) : null}
      <div className="playback-top">
        <ProvisionControls />
        {runId ? <PlaybackBar /> : null}
        {runId ? (
          <button
            type="button"
            className="fold-button"
            data-testid="playback-fold"
            aria-expanded={!folded}
            aria-controls="playback-body"
            onClick={() => setPanelLayout({ playbackFolded: !folded })}
          >
            {folded ? 'Show steps' : 'Hide steps'}
          </button>
        ) : null}
      </div>
      {runId ? <StaleRunBanner /> : null}
      {runId ? (
        <>
          <Timeline />
          {folded ? null : (
            <div className="playback-body" id="playback-body">
              <div className="playback-main">
                <div className="playback-tabs">
                  <div role="tablist" aria-label="Steps as" className="tab-list">
                    <button
                      type="button"
                      role="tab"
                      aria-selected={view === 'events'}
                      onClick={() => setView('events')}
                    >
                      Events
                    </button>
                    <button
                      type="button"
                      role="tab"
                      aria-selected={view === 'diagram'}
                      onClick={() => setView('diagram')}
                    >
                      Sequence diagram
                    </button>
                  </div>
                  <EventFilterBar />
                </div>
                {view === 'events' ? <EventList /> : <SequenceDiagram />}
              </div>
              <StepDetail />
            </div>
          )}
          <HostFaultMenu />
        </>
      ) : (
        <div className="playback-empty">
          Press Provision to watch the platform build this lab, one step at a time, forwards and backwards, or
          pick a run stored with the lab.
        </div>
      )}
    </section>
  )
}
