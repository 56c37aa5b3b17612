import { create } from 'zustand'
import type { z } from 'zod'

import type { RunInfo, RunProgress } from '../../../shared/contract/contract'
import type { Topology } from '../../../shared/domain/topology'
import type { EngineState, Step } from '../../../shared/engine/types'

export type RunInfoT = z.output<typeof RunInfo>
export type Progress = z.output<typeof RunProgress>

/** A PodVM or VM drawn as a chip inside the host card it runs on. */
export interface Chip {
  id: string
  name: string
  kind: string
  status: string
}

/** Canvas node ids of the step's acting component, its target and the object it advances. */
export interface Highlight {
  actor: string | null
  target: string | null
  object: string | null
}

export interface EventFilters {
  layer: string
  actor: string
  object: string
  failuresOnly: boolean
}

export interface PlaybackState {
  runs: RunInfoT[]
  runId: string | null
  steps: Step[]
  /** The topology the run was planned from (lanes map onto its nodes). */
  topology: Topology | null
  /** Position: the state after step `seq` (0 = before any step). */
  seq: number
  /** Live engine state at `seq`, owned by the cursor; read-only here, replaced on each seek. */
  engine: EngineState | null
  playing: boolean
  /** Multiple of simulated time; 0 means one step per tick. */
  speed: number
  /** Simulated ms since the run's start, for the clock. */
  simTime: number
  seed: number
  progress: Progress | null
  busy: boolean
  chips: Record<string, Chip[]>
  highlight: Highlight | null
  filters: EventFilters
  view: 'events' | 'diagram'
  error: string | null
  /** The host whose fault menu is open, and where. */
  hostMenu: { hostId: string; x: number; y: number } | null
  /** The current step in full (placement rows included), fetched when playback rests on it. */
  detail: Step | null
}

/** Playback of stored runs; written only by playback-actions. */
export const usePlaybackStore = create<PlaybackState>()(() => ({
  runs: [],
  runId: null,
  steps: [],
  topology: null,
  seq: 0,
  engine: null,
  playing: false,
  speed: 1,
  simTime: 0,
  seed: 1,
  progress: null,
  busy: false,
  chips: {},
  highlight: null,
  filters: { layer: '', actor: '', object: '', failuresOnly: false },
  view: 'events',
  error: null,
  hostMenu: null,
  detail: null,
}))

export const selectSeq = (s: PlaybackState) => s.seq
export const selectSteps = (s: PlaybackState) => s.steps
export const selectRuns = (s: PlaybackState) => s.runs
export const selectRunId = (s: PlaybackState) => s.runId
export const selectPlaying = (s: PlaybackState) => s.playing
export const selectSpeed = (s: PlaybackState) => s.speed
export const selectSimTime = (s: PlaybackState) => s.simTime
export const selectSeed = (s: PlaybackState) => s.seed
export const selectProgress = (s: PlaybackState) => s.progress
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
