import type { Kind } from '../../../shared/domain/kinds'
import { indexTopology, type TopologyIndex } from '../../../shared/domain/topology'
import { createCursor, type Cursor } from '../../../shared/engine/cursor'
import { initialState } from '../../../shared/engine/state'
import type { EngineState, Step } from '../../../shared/engine/types'
import { ChipIndex } from './chip-index'
import { seqAtTime } from './derive'
import { firstOfKindMap, highlightOf } from './lane-map'
import type { PlaybackClock, RunToPlay, SessionView } from './session-types'

/** Speed 0 plays one step per tick of this many ms. */
export const STEP_TICK_MS = 600

/**
 * Playback of one run, outside React (the xyflow system/react split): it owns the cursor over
 * the engine state, the chip index, the highlight and the play clock, and tells subscribers
 * when its view changed. It knows no transport: steps are handed to it (`open`, `append`).
 */
export interface PlaybackSession {
  view(): SessionView
  /** The engine state at the cursor, or null without a run. Read it; never change it. */
  state(): Readonly<EngineState> | null
  /** Calls `listener` after every change of the view or the state; returns the unsubscribe. */
  subscribe: (listener: () => void) => () => void
  open(run: RunToPlay, seq?: number): void
  /**
   * Steps `from`.. arrived (`from` is a seq); `total` and `complete` as the service said then,
   * and `end`, the state after the last step, with the page that holds it.
   */
  append(from: number, steps: readonly Step[], total: number, complete: boolean, end?: EngineState): void
  close(): void
  /** Moves to the state after step `seq`; a step that has not arrived yet is reached on arrival. */
  seek(seq: number, simTime?: number): void
  /** The step the session wants to show: a seek waiting for steps, else the position. */
  wanted(): number
  /**
   * True when every step of a run that no longer grows has come, but not the state after the
   * last (its last page came while it was planned): an empty page from just past the end brings it.
   */
  wantsEnd(): boolean
  /** True once the open run no longer grows (its planning ended; a stored run always). */
  complete(): boolean
  play(): void
  pause(): void
  setSpeed(speed: number): void
}

/** What one open run needs beyond the view: the cursor and the lookups built once. */
interface Loaded {
  steps: Step[]
  times: number[]
  cursor: Cursor
  index: TopologyIndex
  firstOfKind: Map<Kind, string>
  complete: boolean
  /** The cursor has the state after the last step (the planner's), so the end is a lookup. */
  endKnown: boolean
}

/** The view of a session with no run open. */
export const EMPTY_VIEW: SessionView = {
  runId: null,
  topology: null,
  steps: [],
  total: 0,
  seq: 0,
  simTime: 0,
  playing: false,
  speed: 1,
  highlight: null,
  chips: {},
}

/** Steps indexed per idle callback: a few milliseconds of work, well inside a frame's idle time. */
export const INDEX_SLICE_STEPS = 2048

export function createPlaybackSession(clock: PlaybackClock): PlaybackSession {
  let view = EMPTY_VIEW
  let run: Loaded | null = null
  /** A seek past the steps that have arrived, finished when they do. */
  let pending: { seq: number; simTime: number | undefined } | null = null
  let stopClock: (() => void) | null = null
  const chips = new ChipIndex()
  const listeners = new Set<() => void>()

  const publish = (patch: Partial<SessionView>) => {
    view = { ...view, ...patch }
    for (const listener of [...listeners]) listener()
  }

  const seek = (target: number, simTime?: number) => {
    if (!run) return
    const to = Math.max(0, Math.min(view.total, Math.floor(target)))
    pending = to > run.steps.length ? { seq: to, simTime } : null
    const from = run.cursor.seq
    const state = run.cursor.seek(to)
    const at = run.cursor.seq
    chips.move(state, run.steps, from, at)
    const step = at > 0 ? run.steps[at - 1] : undefined
    publish({
      seq: at,
      chips: chips.chips,
      highlight: step ? highlightOf(step, run.index, run.firstOfKind) : null,
      simTime: simTime ?? (step ? step.t : 0),
    })
  }

  const pause = () => {
    stopClock?.()
    stopClock = null
    if (view.playing) publish({ playing: false })
  }

  let stopIndexing = () => {}
  /**
   * Records the run's blocks a slice at a time while the page is idle, so a far seek later jumps
   * instead of walking; the position shown does not change. From the planner's end when the run
   * came with it, else forward over the steps that have arrived.
   */
  const indexWhenIdle = () => {
    stopIndexing()
    const loaded = run
    const slice = () => {
      if (run === loaded && loaded?.cursor.index(INDEX_SLICE_STEPS)) stopIndexing = clock.idle(slice)
    }
    stopIndexing = clock.idle(slice)
  }

  /** At the end of a run that will not grow: nothing more to play. */
  const atEnd = () => run !== null && run.complete && view.seq >= view.total

  const play = () => {
    if (!run || view.total === 0) return
    pause()
    if (atEnd()) seek(0)
    publish({ playing: true })
    if (view.speed === 0) {
      stopClock = clock.every(STEP_TICK_MS, () => (atEnd() ? pause() : seek(view.seq + 1)))
      return
    }
    let last = clock.now()
    const tick = (now: number) => {
      const loaded = run
      if (!loaded) return
      const simTime = view.simTime + (now - last) * view.speed
      last = now
      const target = seqAtTime(loaded.times, simTime)
      // Steps that have not arrived yet hold the clock at the last one that has.
      const more = !loaded.complete || loaded.steps.length < view.total
      const waiting = more && target >= loaded.steps.length
      seek(target, waiting ? (loaded.times.at(-1) ?? 0) : simTime)
      if (atEnd()) return pause()
      stopClock = clock.frame(tick)
    }
    stopClock = clock.frame(tick)
  }

  return {
    view: () => view,
    state: () => run?.cursor.state ?? null,
    subscribe: (listener) => {
      listeners.add(listener)
      return () => listeners.delete(listener)
    },
    open(next, seq = 0) {
      pause()
      const steps = [...next.steps]
      const state = initialState(next.topology)
      const index = indexTopology(next.topology)
      run = {
        steps,
        times: steps.map((s) => s.t),
        // The cursor reads `steps` as it grows, so pages extend the run it walks. The planner's
        // end is the cursor's: reaching the last step is a lookup, not a replay of the run.
        cursor: createCursor({ steps, summary: NO_SUMMARY }, state, {
          ...(next.end ? { end: { seq: next.total, state: next.end } } : {}),
        }),
        index,
        firstOfKind: firstOfKindMap(index),
        complete: next.complete,
        endKnown: next.end !== undefined,
      }
      chips.rebuild(run.cursor.state)
      view = {
        ...EMPTY_VIEW,
        speed: view.speed,
        runId: next.runId,
        topology: next.topology,
        steps: steps.slice(),
        total: Math.max(next.total, steps.length),
      }
      pending = null
      seek(seq)
      indexWhenIdle()
    },
    append(from, steps, total, complete, end) {
      if (!run || from !== run.steps.length + 1) return
      const completed = complete && !run.complete
      run.complete = complete
      const grown = Math.max(total, run.steps.length + steps.length)
      for (const s of steps) {
        run.steps.push(s)
        run.times.push(s.t)
      }
      const whole = complete && run.steps.length >= grown
      const endCame = whole && end !== undefined && !run.endKnown
      if (endCame) {
        run.cursor.setEnd({ seq: run.steps.length, state: end })
        run.endKnown = true
      }
      // Blocks are recorded in idle time: back from the planner's end once it has come, else
      // forward over the steps that have arrived; the position does not change.
      if (endCame || steps.length > 0) indexWhenIdle()
      if (steps.length === 0)
        return grown === view.total && !completed ? undefined : publish({ total: grown })
      publish({ steps: run.steps.slice(), total: grown })
      if (pending) seek(pending.seq, pending.simTime)
    },
    close() {
      pause()
      stopIndexing()
      run = null
      pending = null
      chips.rebuild({ objects: {}, hosts: {}, namespaces: {}, pools: {} })
      publish({ ...EMPTY_VIEW, speed: view.speed })
    },
    seek,
    wanted: () => pending?.seq ?? view.seq,
    complete: () => run?.complete ?? false,
    wantsEnd: () => run !== null && run.complete && !run.endKnown && run.steps.length >= view.total,
    play,
    pause,
    setSpeed(speed) {
      const playing = view.playing
      pause()
      publish({ speed })
      if (playing) play()
    },
  }
}

// The cursor reads only the steps; a run's summary travels in its RunInfo.
const NO_SUMMARY = { seed: 0, steps: 0, durationMs: 0, statuses: {}, problems: [], faults: [] }
