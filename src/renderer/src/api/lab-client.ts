import type { LabBridge } from '../../../shared/contract/channels'
import { REQUEST_NAMES, type LabClient, type PushEvent } from '../../../shared/contract/contract'

/**
 * The one client every store action talks through. It is chosen once, before the app mounts
 * (`mountApp`), so no module below knows which transport carries the requests: Electron IPC,
 * serve mode's HTTP, or an in-memory client that a test or another entry page supplies.
 */
let current: LabClient | null = null

export function installLabClient(client: LabClient): void {
  current = client
}

/** The client installed at start; calling it before `installLabClient` is a programming error. */
export function labClient(): LabClient {
  if (!current) throw new Error('No lab client installed: mountApp(client) installs one first.')
  return current
}

/** A typed client over a bridge that only knows method names (the preload's `window.lab`, HTTP). */
export function bridgeClient(bridge: LabBridge): LabClient {
  const client: Record<string, unknown> = {
    onEvent: (listener: (event: PushEvent) => void) => bridge.onEvent((e) => listener(e as PushEvent)),
  }
  for (const name of REQUEST_NAMES) client[name] = (input: unknown) => bridge.invoke(name, input)
  return client as LabClient
}
