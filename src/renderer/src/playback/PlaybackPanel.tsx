import { useEffect } from 'react'

import { setView, startPlaybackSession } from '../stores/playback-actions'
import { selectRunId, selectView, usePlaybackStore } from '../stores/playback-store'
import { EventList } from './EventList'
import { EventFilterBar } from './EventFilterBar'
import { HostFaultMenu } from './HostFaultMenu'
import { PlaybackBar } from './PlaybackBar'
import { ProvisionControls } from './ProvisionControls'
import { SequenceDiagram } from './SequenceDiagram'
import { StepDetail } from './StepDetail'
import { Timeline } from './Timeline'
import './playback.css'

/** The bottom panel: provision, playback bar, timeline, then events or diagram beside the step detail. */
export function PlaybackPanel() {
  const runId = usePlaybackStore(selectRunId)
  const view = usePlaybackStore(selectView)
  useEffect(() => startPlaybackSession(), [])
  return (
    <section className="playback-panel" aria-label="Provisioning playback">
      <div className="playback-top">
        <ProvisionControls />
        {runId ? <PlaybackBar /> : null}
      </div>
      {runId ? (
        <>
          <Timeline />
          <div className="playback-body">
            <div className="playback-main">
              <div className="playback-tabs" role="tablist">
                <button role="tab" aria-selected={view === 'events'} onClick={() => setView('events')}>
                  Events
                </button>
                <button role="tab" aria-selected={view === 'diagram'} onClick={() => setView('diagram')}>
                  Sequence diagram
                </button>
                <EventFilterBar />
              </div>
              {view === 'events' ? <EventList /> : <SequenceDiagram />}
            </div>
            <StepDetail />
          </div>
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
