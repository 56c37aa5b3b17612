import { lab } from '../api/lab-client'
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
