import type { PlaybackSpeed, RunInfo, RunOpened, StepPage } from '../../../shared/contract/contract'
import type { Topology } from '../../../shared/domain/topology'
import type { Fault } from '../../../shared/engine/types'
import { labClient } from '../api/lab-client'
import { browserClock } from '../playback/browser-clock'
import { nextFailureTarget, sequenceTarget } from '../playback/moves'
import { createPlaybackSession } from '../playback/session'
import { effectiveSpeed, runLengthMs } from '../playback/speed'
import { useLabStore } from './lab-store'
import { usePlaybackStore as store, type EventFilters } from './playback-store'
import { savePlaybackSpeed } from './view-state-actions'

/** Steps asked for per request after the first page (a page of the 10,000-pod run is ~6 MB). */
export const PAGE_STEPS = 10_000
/** How long to wait before asking again for steps of a run that is still growing. */
const GROWING_POLL_MS = 500

/** The app's playback: one session, its view copied into the store for components to render. */
export const session = createPlaybackSession(browserClock)
session.subscribe(() => {
  store.setState(session.view())
  if (!session.view().playing) void requestDetail()
})

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
    void refreshRuns()
  }
  follow(useLabStore.getState().snapshot)
  const offLab = useLabStore.subscribe((s) => follow(s.snapshot))
  const offEvents = labClient().onEvent((event) => {
    if (event.name === 'runProgress') store.setState({ progress: event.payload })
  })
  return () => {
    offLab()
    offEvents()
  }
}

/** Reads the open lab's runs from the service: the lab file is the record, not this session. */
export async function refreshRuns(): Promise<void> {
  const result = await labClient().listRuns({})
  if (!result.ok) return fail(result.error.message)
  store.setState({ runs: result.value.runs })
}

/** Leaves playback: the run of another lab means nothing on this one. */
function closeRun(): void {
  session.close()
  store.setState({ runs: [], detail: null, hostMenu: null, loading: false })
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

/**
 * Plans a run of the open lab with the seed shown and plays it from step 0: one round trip
 * answers with the run and its first steps, played on the lab this client already holds.
 */
export async function provision(): Promise<void> {
  session.pause()
  store.setState({ busy: true, error: null })
  const result = await labClient().startRun({ seed: store.getState().seed, faults: [] })
  if (!result.ok) return fail(result.error.message)
  const lab = useLabStore.getState().snapshot
  if (lab && lab.revision === result.value.labRevision) return showRun(result.value, lab.topology, 0)
  // The lab changed while planning: play the run on the topology it was planned from.
  await loadRun(result.value.run.id)
}

/** Opens a stored run (picked from the list) and puts the cursor at `seq`. */
export async function loadRun(runId: string, seq = 0): Promise<void> {
  session.pause()
  store.setState({ busy: true, error: null })
  const result = await labClient().openRun({ runId })
  if (!result.ok) return fail(result.error.message)
  const topology = result.value.topology ?? useLabStore.getState().snapshot?.topology
  if (!topology) return fail('There is no lab to play the run on.')
  showRun(result.value, topology, seq)
}

/** Injects a fault at the next step: the run branches, and the branch is stored, listed and shown. */
export async function injectFault(fault: Omit<Fault, 'atSeq'>): Promise<void> {
  const { runId, seq, topology } = store.getState()
  if (!runId || !topology) return
  session.pause()
  store.setState({ busy: true, error: null })
  const result = await labClient().branchRun({ runId, fault: { ...fault, atSeq: seq + 1 } })
  if (!result.ok) return fail(result.error.message)
  // A branch is planned from the topology of the run it branches, which is the one playing.
  showRun(result.value, topology, seq + 1)
}

/** Puts an opened run in the session at `seq` and pages in the rest of its steps. */
function showRun({ run, firstPage }: RunOpened, topology: Topology, seq: number): void {
  listRun(run)
  const lengthMs = runLengthMs(run.summary.durationMs, firstPage.steps, firstPage.total)
  store.setState({
    busy: false,
    detail: null,
    seed: run.seed,
    loading: !isLast(firstPage),
    runLengthMs: lengthMs,
  })
  session.setSpeed(effectiveSpeed(store.getState().speedChoice, lengthMs))
  session.open(
    { runId: run.id, topology, steps: firstPage.steps, total: firstPage.total, complete: firstPage.complete },
    seq,
  )
  if (!isLast(firstPage)) void fetchRest(run.id, firstPage.from + firstPage.steps.length)
}

/** Lists a run the service just answered with, without asking for the whole list again. */
function listRun(run: RunInfo) {
  store.setState((s) => ({ runs: [...s.runs.filter((r) => r.id !== run.id), run] }))
}

const isLast = (page: StepPage) => page.complete && page.from + page.steps.length > page.total

/** Pages in the rest of a run's steps, while that run is the one open. */
async function fetchRest(runId: string, from: number): Promise<void> {
  const open = () => session.view().runId === runId
  for (let next = from; open();) {
    const result = await labClient().getRunSteps({ runId, from: next, count: PAGE_STEPS })
    if (!open()) return
    if (!result.ok) return fail(result.error.message)
    const page = result.value
    session.append(page.from, page.steps, page.total, page.complete)
    next += page.steps.length
    if (isLast(page)) break
    if (page.steps.length === 0) await new Promise((r) => setTimeout(r, GROWING_POLL_MS))
  }
  if (open()) store.setState({ loading: false })
}

/** Fetches the current step's placement rows, which the step pages leave out. */
async function requestDetail(): Promise<void> {
  const { runId, seq, steps, detail } = store.getState()
  const step = steps[seq - 1]
  if (!runId || !step?.placement || step.placement.rows.length > 0 || detail?.seq === seq) return
  const result = await labClient().getStep({ runId, seq })
  const now = store.getState()
  if (result.ok && now.runId === runId && now.seq === seq) store.setState({ detail: result.value })
}

const at = () => session.view().seq
export const seek = (seq: number) => session.seek(seq)
export const stepForward = () => session.seek(at() + 1)
export const stepBack = () => session.seek(at() - 1)
export const jumpStart = () => session.seek(0)
export const jumpEnd = () => session.seek(session.view().total)
export const jumpSequence = (direction: 1 | -1) =>
  session.seek(sequenceTarget(session.view().steps, at(), direction))
export function nextFailure(): void {
  const target = nextFailureTarget(session.view().steps, at())
  if (target !== null) session.seek(target)
}
export const play = () => session.play()
export const pause = () => session.pause()
/** Plays at the speed chosen, and keeps the choice with the lab. */
export function chooseSpeed(choice: PlaybackSpeed): void {
  store.setState({ speedChoice: choice })
  session.setSpeed(effectiveSpeed(choice, store.getState().runLengthMs))
  savePlaybackSpeed(choice)
}
export const togglePlay = () => (session.view().playing ? session.pause() : session.play())
