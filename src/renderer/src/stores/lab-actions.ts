import { lab } from '../api/lab-client'
import type { Result } from '../../../shared/contract/result'
import type { EditBatch } from '../../../shared/domain/edits'
import { useLabStore, type LabSnapshot } from './lab-store'

function accept(snapshot: LabSnapshot) {
  const current = useLabStore.getState().snapshot
  // Pushes can arrive after a newer response; keep the newest revision of the same lab.
  if (current && current.path === snapshot.path && current.revision > snapshot.revision) return
  useLabStore.setState({ snapshot })
}

export function reportError(message: string) {
  useLabStore.setState({ error: message })
}

export function dismissError() {
  useLabStore.setState({ error: null })
}

/** Loads the app info and the open lab, and follows the service's pushes. */
export async function startLabSession(): Promise<() => void> {
  const off = lab.onEvent((event) => {
    if (event.name === 'labChanged') accept(event.payload)
  })
  const [info, topology] = await Promise.all([lab.getAppInfo({}), lab.getTopology({})])
  if (info.ok) useLabStore.setState({ appInfo: info.value })
  if (topology.ok) accept(topology.value)
  else reportError(topology.error.message)
  return off
}

export async function openDemoLab() {
  const result = await lab.openDemoLab({})
  if (result.ok) accept(result.value)
  else reportError(result.error.message)
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
