import type { LabChange, LabSnapshot } from '../../../shared/contract/contract'
import { applyTopologyDiff } from '../../../shared/domain/topology-diff'
import { labClient } from '../api/lab-client'
import { requestFit } from './canvas-view-store'
import { useLabStore } from './lab-store'
import { reportError } from './notice-store'
import { loadViewState } from './view-state-actions'

/** How long an action waits for the push of its own change before asking for the whole lab. */
const PUSH_WAIT_MS = 2000

/**
 * Applies one `labChanged` push: the lab's only way into the store. A diff applies only on
 * the revision it was made from; a client that missed a change asks for the whole lab again.
 */
export function applyLabChange(change: LabChange): void {
  const current = useLabStore.getState().snapshot
  if (change.kind === 'snapshot') return write(change.snapshot, current)
  if (current && change.revision <= current.revision) return
  if (!current || change.baseRevision !== current.revision) return void resync()
  const { revision, undoLabel, redoLabel } = change
  const topology = applyTopologyDiff(current.topology, change.diff)
  write({ ...current, revision, undoLabel, redoLabel, topology }, current)
}

function write(snapshot: LabSnapshot, current: LabSnapshot | null): void {
  // Pushes and a resync's answer can cross; keep the newest revision (they grow across labs).
  if (current && snapshot.revision < current.revision) return
  useLabStore.setState((s) => ({ snapshot, writes: s.writes + 1 }))
  for (const waiter of [...waiters]) if (snapshot.revision >= waiter.revision) waiter.done()
  // Another lab opened: its own view state (collapsed groups) comes with it, and it is shown
  // whole (the canvas fits the first lab when it mounts).
  if (current && current.path !== snapshot.path) {
    void loadViewState()
    requestFit()
  }
}

/** Reads the whole open lab: at start, and when a diff does not fit what this client holds. */
export async function resync(): Promise<void> {
  const result = await labClient().getTopology({})
  if (result.ok) applyLabChange({ kind: 'snapshot', snapshot: result.value })
  else reportError(result.error.message)
}

const waiters = new Set<{ revision: number; done: () => void }>()

/**
 * Resolves once the store holds `revision` (an action's change has arrived by push), so what
 * the user does next sees it. A push that does not come in time is made good by a resync.
 */
export function whenRevision(revision: number): Promise<void> {
  if ((useLabStore.getState().snapshot?.revision ?? -1) >= revision) return Promise.resolve()
  return new Promise((resolve) => {
    const waiter = {
      revision,
      done: () => {
        clearTimeout(timer)
        waiters.delete(waiter)
        resolve()
      },
    }
    const timer = setTimeout(() => void resync().finally(waiter.done), PUSH_WAIT_MS)
    waiters.add(waiter)
  })
}

/** Loads the app info and the open lab, and follows the service's pushes; returns the stop. */
export async function startLabSession(): Promise<() => void> {
  const client = labClient()
  const off = client.onEvent((event) => {
    if (event.name === 'labChanged') applyLabChange(event.payload)
  })
  const [info] = await Promise.all([client.getAppInfo({}), resync()])
  if (info.ok) useLabStore.setState({ appInfo: info.value })
  await loadViewState()
  return off
}
