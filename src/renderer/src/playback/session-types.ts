import type { Topology } from '../../../shared/domain/topology'
import type { EngineState, Step } from '../../../shared/engine/types'

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

/** A run handed to the session: what is known of it so far. */
export interface RunToPlay {
  runId: string
  /** The topology the run was planned from (lanes map onto its nodes). */
  topology: Topology
  /** The first steps, from step 1 on; the rest arrive with `append`. */
  steps: readonly Step[]
  /** How many steps the run has now; a run still being planned or fetched grows. */
  total: number
  /** False while the run may still grow (it is being planned and stored). */
  complete: boolean
  /** The state after step `total`, the last, as the planner left it, when it came with the steps. */
  end?: EngineState
}

/** What the session shows now: replaced whole on every change, never mutated. */
export interface SessionView {
  runId: string | null
  topology: Topology | null
  /** The steps that have arrived, steps[i] being step i + 1. */
  steps: readonly Step[]
  total: number
  /** Position: the state after step `seq` (0 = before any step). */
  seq: number
  /** Simulated ms since the run's start, for the clock. */
  simTime: number
  playing: boolean
  /** Multiple of simulated time; 0 means one step per tick. */
  speed: number
  highlight: Highlight | null
  chips: Readonly<Record<string, Chip[]>>
}

/** Time and frames for the play clock: the browser's in the app, a hand-driven one in tests. */
export interface PlaybackClock {
  now(): number
  /** Calls back on the next animation frame with its time; returns the cancel. */
  frame(callback: (now: number) => void): () => void
  /** Calls back every `ms`; returns the cancel. */
  every(ms: number, callback: () => void): () => void
  /** Calls back once when the page has nothing else to do; returns the cancel. */
  idle(callback: () => void): () => void
}
