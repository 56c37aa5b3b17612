import { lab } from '../api/lab-client'
import { indexTopology, type TopologyIndex } from '../../../shared/domain/topology'
import type { Kind } from '../../../shared/domain/kinds'
import { createCursor, type Cursor } from '../../../shared/engine/cursor'
import { initialState } from '../../../shared/engine/state'
import type { Fault } from '../../../shared/engine/types'
import { BENCH_PATH } from '../bench/bench-lab'
import { ChipIndex } from '../playback/chip-index'
import { seqAtTime } from '../playback/derive'
import { firstOfKindMap, highlightOf } from '../playback/lane-map'
import { useLabStore } from './lab-store'
import { usePlaybackStore as store, type EventFilters, type RunInfoT } from './playback-store'

/** What one loaded run needs beyond the store: the cursor and lookups built once per run. */
let cursor: Cursor | null = null
let times: number[] = []
let index: TopologyIndex | null = null
let firstOfKind = new Map<Kind, string>()
const chipIndex = new ChipIndex()
let frame: number | null = null
let stepTimer: ReturnType<typeof setInterval> | null = null

const fail = (message: string) => store.setState({ error: message, busy: false })

/**
 * Follows planning progress pushed by the service, and the open lab: its stored runs are
 * listed whenever a lab opens (at start, after a reload, on switching labs).
 */
export function startPlaybackSession(): () => void {
  let path: string | null | undefined
  const follow = (snapshot: { path: string | null } | null) => {
    if (!snapshot || snapshot.path === path) return
    const first = path === undefined
    path = snapshot.path
    if (!first) closeRun()
    if (path !== BENCH_PATH) void refreshRuns()
  }
  follow(useLabStore.getState().snapshot)
  const offLab = useLabStore.subscribe((s) => follow(s.snapshot))
  const offEvents = lab.onEvent((event) => {
    if (event.name === 'runProgress') store.setState({ progress: event.payload })
  })
  return () => {
    offLab()
    offEvents()
  }
}

/** Reads the open lab's runs from the service: the lab file is the record, not this session. */
export async function refreshRuns(): Promise<void> {
  const result = await lab.listRuns({})
  if (!result.ok) return fail(result.error.message)
  store.setState({ runs: result.value.runs })
}

/** Leaves playback: the run of another lab means nothing on this one. */
function closeRun(): void {
  pause()
  cursor = null
  index = null
  store.setState({
    runs: [],
    runId: null,
    steps: [],
    topology: null,
    seq: 0,
    engine: null,
    chips: {},
    highlight: null,
    detail: null,
    hostMenu: null,
  })
}

export const setSeed = (seed: number) => store.setState({ seed })
export const setView = (view: 'events' | 'diagram') => store.setState({ view })
export const setFilters = (patch: Partial<EventFilters>) =>
  store.setState((s) => ({ filters: { ...s.filters, ...patch } }))
/** Right-click on a host during playback opens its fault menu (elsewhere the default menu stays). */
export function openHostMenu(
  e: { preventDefault(): void; clientX: number; clientY: number },
  node: { id: string; data: { node: { kind: string } } },
): void {
  if (!store.getState().runId || node.data.node.kind !== 'host') return
  e.preventDefault()
  store.setState({ hostMenu: { hostId: node.id, x: e.clientX, y: e.clientY } })
}
export const closeHostMenu = () => store.setState({ hostMenu: null })
export const dismissPlaybackError = () => store.setState({ error: null })

/** Plans a run of the open lab with the seed shown, stores it and loads it at step 0. */
export async function provision(): Promise<void> {
  pause()
  store.setState({ busy: true, error: null })
  const result = await lab.startRun({ seed: store.getState().seed, faults: [] })
  if (!result.ok) return fail(result.error.message)
  await addAndLoad(result.value, 0)
}

async function addAndLoad(info: RunInfoT, seq: number) {
  await refreshRuns()
  // Listed even if the refresh failed, so the run just planned can be played.
  store.setState((s) => ({ runs: [...s.runs.filter((r) => r.id !== info.id), info] }))
  await loadRun(info.id, seq)
}

/** Loads a stored run's steps and puts the cursor at `seq`. */
export async function loadRun(runId: string, seq = 0): Promise<void> {
  pause()
  store.setState({ busy: true, error: null })
  const result = await lab.getRunSteps({ runId })
  if (!result.ok) return fail(result.error.message)
  const topology = result.value.topology ?? useLabStore.getState().snapshot?.topology
  if (!topology) return fail('There is no lab to play the run on.')
  const steps = result.value.steps
  index = indexTopology(topology)
  firstOfKind = firstOfKindMap(index)
  times = steps.map((s) => s.t)
  cursor = createCursor({ steps, summary: emptySummary }, initialState(topology))
  // One pass to the end lays down every checkpoint, so later far seeks never walk the whole run.
  cursor.seek(steps.length)
  chipIndex.rebuild(cursor.state)
  const info = store.getState().runs.find((r) => r.id === runId)
  store.setState({
    runId,
    steps,
    topology,
    busy: false,
    chips: {},
    detail: null,
    seed: info?.seed ?? store.getState().seed,
  })
  seek(seq)
}

// The cursor reads only the steps; the summary travels in RunInfo.
const emptySummary = { seed: 0, steps: 0, durationMs: 0, statuses: {}, problems: [], faults: [] }

/** Moves to the state after step `seq` (clamped), updating canvas, lists and clock. */
export function seek(seq: number, simTime?: number): void {
  if (!cursor || !index) return
  const from = cursor.seq
  const state = cursor.seek(seq)
  const at = cursor.seq
  chipIndex.move(state, store.getState().steps, from, at)
  const step = at > 0 ? store.getState().steps[at - 1] : undefined
  store.setState({
    seq: at,
    engine: state,
    chips: chipIndex.chips,
    highlight: step && index ? highlightOf(step, index, firstOfKind) : null,
    simTime: simTime ?? (step ? step.t : 0),
  })
  if (!store.getState().playing) void requestDetail()
}

/** Fetches the current step's placement rows, which the step list leaves out. */
async function requestDetail(): Promise<void> {
  const { runId, seq, steps, detail } = store.getState()
  const step = steps[seq - 1]
  if (!runId || !step?.placement || step.placement.rows.length > 0 || detail?.seq === seq) return
  const result = await lab.getStep({ runId, seq })
  const now = store.getState()
  if (result.ok && now.runId === runId && now.seq === seq) store.setState({ detail: result.value })
}

const at = () => store.getState().seq
export const stepForward = () => seek(at() + 1)
export const stepBack = () => seek(at() - 1)
export const jumpStart = () => seek(0)
export const jumpEnd = () => seek(store.getState().steps.length)

/** Jumps to the first step of the next (or previous) sequence: a change of flow or object. */
export function jumpSequence(direction: 1 | -1): void {
  const { steps, seq } = store.getState()
  const key = (i: number) => `${steps[i]?.sequence}|${steps[i]?.object.split('/')[0]}`
  if (direction === 1) {
    for (let i = seq; i < steps.length; i++) if (i > 0 && key(i) !== key(i - 1)) return seek(i + 1)
    return seek(steps.length)
  }
  // Back: to the start of the current sequence, or of the previous one when already there.
  let i = Math.max(0, seq - 2)
  while (i > 0 && key(i) === key(i - 1)) i--
  seek(i === seq - 1 && i > 0 ? startOf(i - 1, key) + 1 : i + 1)
}

function startOf(i: number, key: (i: number) => string): number {
  while (i > 0 && key(i) === key(i - 1)) i--
  return i
}

/** Jumps to the next step that records a failure. */
export function nextFailure(): void {
  const { steps, seq } = store.getState()
  const i = steps.findIndex((s, k) => k >= seq && s.failure)
  if (i >= 0) seek(i + 1)
}

export function setSpeed(speed: number): void {
  const playing = store.getState().playing
  pause()
  store.setState({ speed })
  if (playing) play()
}

/** Plays forward in simulated time at the chosen speed (speed 0: one step every 600 ms). */
export function play(): void {
  const { steps, seq, speed } = store.getState()
  if (!cursor || steps.length === 0) return
  if (seq >= steps.length) seek(0)
  store.setState({ playing: true })
  if (speed === 0) {
    stepTimer = setInterval(() => (at() >= steps.length ? pause() : stepForward()), 600)
    return
  }
  let last = performance.now()
  const tick = (now: number) => {
    const s = store.getState()
    const simTime = s.simTime + (now - last) * s.speed
    last = now
    const target = seqAtTime(times, simTime)
    seek(target, simTime)
    if (target >= s.steps.length) return pause()
    frame = requestAnimationFrame(tick)
  }
  frame = requestAnimationFrame(tick)
}

export function pause(): void {
  if (frame !== null) cancelAnimationFrame(frame)
  if (stepTimer !== null) clearInterval(stepTimer)
  frame = null
  stepTimer = null
  if (store.getState().playing) store.setState({ playing: false })
  void requestDetail()
}

export const togglePlay = () => (store.getState().playing ? pause() : play())

/** Injects a fault at the next step: the run branches, and the branch is stored, listed and shown. */
export async function injectFault(fault: Omit<Fault, 'atSeq'>): Promise<void> {
  const { runId, seq } = store.getState()
  if (!runId) return
  pause()
  store.setState({ busy: true, error: null })
  const result = await lab.branchRun({ runId, fault: { ...fault, atSeq: seq + 1 } })
  if (!result.ok) return fail(result.error.message)
  await addAndLoad(result.value, seq + 1)
}
