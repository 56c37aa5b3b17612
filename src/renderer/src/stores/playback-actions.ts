import type { PlaybackSpeed, RunInfo, RunOpened, RunProgress } from '../../../shared/contract/contract'
import type { Topology } from '../../../shared/domain/topology'
import type { Fault, Step } from '../../../shared/engine/types'
import { labClient } from '../api/lab-client'
import { browserClock } from '../playback/browser-clock'
import { nextFailureTarget, sequenceTarget } from '../playback/moves'
import { createPlaybackSession } from '../playback/session'
import { effectiveSpeed, runLengthMs } from '../playback/speed'
import { useLabStore } from './lab-store'
import { usePlaybackStore as store, type EventFilters } from './playback-store'
import { followSession } from './step-paging'
import { savePlaybackSpeed } from './view-state-actions'

export { PAGE_STEPS } from './step-paging'

/** The app's playback: one session, its view copied into the store for components to render. */
export const session = createPlaybackSession(browserClock)
session.subscribe(() => {
  store.setState(session.view())
  if (!session.view().playing) void requestDetail()
})

const fail = (message: string) => store.setState({ error: message, busy: false })
// Steps come in as playback reaches for them, the rest of a planned run while the player rests
// (step-paging.ts).
followSession(session, fail)

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
    if (event.name === 'runProgress') followProgress(event.payload)
  })
  return () => {
    offLab()
    offEvents()
  }
}

/**
 * A run being planned grows on the timeline as its steps are planned; it is listed once it is
 * stored (`done`); cancelled or failed, it is gone, and the playback closes if it was open.
 */
function followProgress(progress: RunProgress): void {
  const open = session.view().runId === progress.runId
  // Two runs may be planned at once (a branch of a run still being planned): the one shown
  // keeps the indicator until it ends.
  const shown = store.getState().progress
  const busy = shown && (shown.phase === 'planning' || shown.phase === 'storing')
  if (!busy || shown?.runId === progress.runId || open) store.setState({ progress })
  const { phase } = progress
  if (phase === 'done' && progress.run) listRun(progress.run)
  if (phase === 'failed' && progress.message) store.setState({ error: progress.message })
  if (!open) return
  if (phase === 'cancelled' || phase === 'failed') return session.close()
  session.append(session.view().steps.length + 1, [], progress.planned, phase !== 'planning')
  const { steps } = session.view()
  fitSpeedToRun(progress.run?.summary.durationMs ?? 0, steps, progress.planned)
}

/** Stops planning the run shown by the progress; nothing of it is kept. */
export async function cancelRun(): Promise<void> {
  const runId = store.getState().progress?.runId
  if (!runId) return
  const result = await labClient().cancelRun({ runId })
  // A run that ended meanwhile has nothing left to cancel; its own push says how it ended.
  if (!result.ok && result.error.code !== 'not-running' && result.error.code !== 'no-such-run')
    fail(result.error.message)
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
  if (!result.ok && result.error.code === 'cancelled') return store.setState({ busy: false })
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
  if (!result.ok && result.error.code === 'cancelled') return store.setState({ busy: false })
  if (!result.ok) return fail(result.error.message)
  // A branch is planned from the topology of the run it branches, which is the one playing.
  showRun(result.value, topology, seq + 1)
}

/**
 * Puts an opened run in the session at `seq`; its later steps are paged in by step-paging.ts.
 * A run still being planned is listed when it is stored.
 */
function showRun({ run, firstPage }: RunOpened, topology: Topology, seq: number): void {
  const stored = store.getState().progress
  if (firstPage.complete && !(stored?.runId === run.id && stored.phase !== 'done')) listRun(run)
  store.setState({ busy: false, detail: null, seed: run.seed, listWindow: null })
  fitSpeedToRun(run.summary.durationMs, firstPage.steps, firstPage.total)
  const { steps, total, complete, end } = firstPage
  session.open({ runId: run.id, topology, steps, total, complete, ...(end ? { end } : {}) }, seq)
}

/**
 * Keeps the default speed ("whole run in about a minute") fitted to the open run's length: known
 * from its summary once planned, estimated from the steps so far while it is planned.
 */
function fitSpeedToRun(durationMs: number, steps: readonly Step[], total: number): void {
  const lengthMs = runLengthMs(durationMs, steps, total)
  if (store.getState().runLengthMs !== lengthMs) store.setState({ runLengthMs: lengthMs })
  const speed = effectiveSpeed(store.getState().speedChoice, lengthMs)
  // Setting a speed restarts the clock: only when it changes (a fixed speed never does).
  if (session.view().speed !== speed) session.setSpeed(speed)
}

/** Lists a run the service just answered with, without asking for the whole list again. */
function listRun(run: RunInfo) {
  store.setState((s) => ({ runs: [...s.runs.filter((r) => r.id !== run.id), run] }))
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
