import { create } from 'zustand'

import type { PlaybackSpeed, RunInfo, RunProgress } from '../../../shared/contract/contract'
import type { Step } from '../../../shared/engine/types'
import { EMPTY_VIEW } from '../playback/session'
import type { SessionView } from '../playback/session-types'

export type Progress = RunProgress

/** The speed a lab plays at until the user picks another: any run in about a minute. */
export const DEFAULT_SPEED: PlaybackSpeed = 'fit'

export interface EventFilters {
  layer: string
  actor: string
  object: string
  failuresOnly: boolean
}

/**
 * What the playback panel and the canvas render. The session's view (position, steps, clock,
 * highlight, chips) is copied in by playback-actions on every change of the session; the rest
 * is the panel's own state. The engine state itself stays in the session (playback-hooks).
 */
export interface PlaybackState extends SessionView {
  /** Runs stored with the open lab, oldest first. */
  runs: RunInfo[]
  /** True until every step of the open run is here: it is still planned, or pages are on the way. */
  loading: boolean
  /** Steps past those loaded, fetched for the event list's visible rows (step-paging.ts). */
  listWindow: { runId: string; from: number; steps: Step[] } | null
  seed: number
  progress: Progress | null
  busy: boolean
  filters: EventFilters
  view: 'events' | 'diagram'
  error: string | null
  /** The host whose fault menu is open, and where. */
  hostMenu: { hostId: string; x: number; y: number } | null
  /** The current step in full (placement rows included), fetched when playback rests on it. */
  detail: Step | null
  /** The speed the user chose (kept with the lab); the session's `speed` is what it means for this run. */
  speedChoice: PlaybackSpeed
  /** Simulated length of the open run, which the default speed fits into a minute. */
  runLengthMs: number
}

export const usePlaybackStore = create<PlaybackState>()(() => ({
  ...EMPTY_VIEW,
  runs: [],
  loading: false,
  listWindow: null,
  seed: 1,
  progress: null,
  busy: false,
  filters: { layer: '', actor: '', object: '', failuresOnly: false },
  view: 'events',
  error: null,
  hostMenu: null,
  detail: null,
  speedChoice: DEFAULT_SPEED,
  runLengthMs: 0,
}))

export const selectSeq = (s: PlaybackState) => s.seq
export const selectSteps = (s: PlaybackState) => s.steps
export const selectTotal = (s: PlaybackState) => s.total
export const selectLoading = (s: PlaybackState) => s.loading
export const selectRuns = (s: PlaybackState) => s.runs
export const selectRunId = (s: PlaybackState) => s.runId
export const selectPlaying = (s: PlaybackState) => s.playing
export const selectSpeed = (s: PlaybackState) => s.speed
export const selectSpeedChoice = (s: PlaybackState) => s.speedChoice
export const selectRunLength = (s: PlaybackState) => s.runLengthMs
export const selectSimTime = (s: PlaybackState) => s.simTime
export const selectSeed = (s: PlaybackState) => s.seed
export const selectProgress = (s: PlaybackState) => s.progress
export const selectListWindow = (s: PlaybackState) => s.listWindow
/** True while a run is being planned or stored (the progress shows, with its Cancel). */
export const selectPlanning = (s: PlaybackState) =>
  s.progress !== null && (s.progress.phase === 'planning' || s.progress.phase === 'storing')
export const selectBusy = (s: PlaybackState) => s.busy
export const selectFilters = (s: PlaybackState) => s.filters
export const selectView = (s: PlaybackState) => s.view
export const selectTopology = (s: PlaybackState) => s.topology
export const selectHighlight = (s: PlaybackState) => s.highlight
export const selectHostMenu = (s: PlaybackState) => s.hostMenu
export const selectPlaybackError = (s: PlaybackState) => s.error
/** The step just played (the one that led to the current state), or null at the start. */
export const selectCurrentStep = (s: PlaybackState): Step | null =>
  s.seq > 0 ? (s.steps[s.seq - 1] ?? null) : null
/** The current step with its placement rows when they have arrived. */
export const selectDetailStep = (s: PlaybackState): Step | null => {
  const step = selectCurrentStep(s)
  return step && s.detail?.seq === step.seq ? s.detail : step
}
export const selectActiveRun = (s: PlaybackState) => s.runs.find((r) => r.id === s.runId) ?? null
