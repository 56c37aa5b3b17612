import { applyBatch, type EditBatch } from '../../../shared/domain/edits'
import { lab } from '../api/lab-client'
import type { Result } from '../../../shared/contract/result'
import { BENCH_PATH, benchTopology } from '../bench/bench-lab'
import { useLabStore, type LabSnapshot } from './lab-store'
import { loadViewState } from './view-state-actions'

function accept(snapshot: LabSnapshot) {
  const current = useLabStore.getState().snapshot
  // Pushes can arrive after a newer response; keep the newest revision of the same lab.
  if (current && current.path === snapshot.path && current.revision > snapshot.revision) return
  useLabStore.setState({ snapshot })
  // Another lab opened: its own view state (collapsed groups) comes with it.
  if (current && current.path !== snapshot.path) void loadViewState()
}

export function reportError(message: string) {
  useLabStore.setState({ error: message })
}

export function dismissError() {
  useLabStore.setState({ error: null })
}

/** Loads the app info and the open lab, and follows the service's pushes. */
export async function startLabSession(): Promise<() => void> {
  const bench = benchTopology(window.location.search)
  if (bench) {
    // Benchmark pages (`?bench=N`) draw a generated lab without a service behind them.
    useLabStore.setState({ snapshot: bench })
    return () => undefined
  }
  const off = lab.onEvent((event) => {
    if (event.name === 'labChanged') accept(event.payload)
  })
  const [info, topology] = await Promise.all([lab.getAppInfo({}), lab.getTopology({})])
  if (info.ok) useLabStore.setState({ appInfo: info.value })
  if (topology.ok) {
    accept(topology.value)
    await loadViewState()
  } else reportError(topology.error.message)
  return off
}

export async function openDemoLab() {
  const result = await lab.openDemoLab({})
  if (result.ok) accept(result.value)
  else reportError(result.error.message)
}

/** Sends one user action to the service's journal; returns whether it was applied. */
export async function sendBatch(batch: EditBatch | null): Promise<boolean> {
  if (!batch) return false
  const current = useLabStore.getState().snapshot
  if (current?.path === BENCH_PATH) {
    // A benchmark lab has no service: apply locally so drags behave as in the app.
    useLabStore.setState({ snapshot: { ...current, topology: applyBatch(current.topology, batch) } })
    return true
  }
  const result = await lab.applyEdits({ batch })
  if (result.ok) accept(result.value)
  else reportError(result.error.message)
  return result.ok
}

/**
 * Undo and redo ask the service even when the local snapshot says there is nothing to do: a
 * key pressed right after an edit may come before that edit's snapshot has arrived. An empty
 * journal is not an error worth a banner.
 */
export async function undo() {
  const result = await lab.undo({})
  if (result.ok) accept(result.value)
  else if (result.error.code !== 'nothing-to-undo') reportError(result.error.message)
}

export async function redo() {
  const result = await lab.redo({})
  if (result.ok) accept(result.value)
  else if (result.error.code !== 'nothing-to-redo') reportError(result.error.message)
}

/**
 * Applies one batch as one undo step. With `baseRevision` the service refuses it if the lab
 * changed since the batch was made. The caller shows a refusal where the user acted.
 */
export async function applyEditBatch(batch: EditBatch, baseRevision?: number): Promise<Result<LabSnapshot>> {
  const result = await lab.applyEdits({ batch, ...(baseRevision === undefined ? {} : { baseRevision }) })
  if (result.ok) accept(result.value)
  return result
}

/** Undoes the last edit; the caller shows a refusal where the user acted. */
export async function undoEdit(): Promise<Result<LabSnapshot>> {
  const result = await lab.undo({})
  if (result.ok) accept(result.value)
  return result
}
