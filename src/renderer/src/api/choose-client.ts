import type { LabClient } from '../../../shared/contract/contract'
import { httpBridge } from './http-bridge'
import { bridgeClient } from './lab-client'

/**
 * The product's transport, chosen once at start: Electron's preload sets `window.lab`; without
 * it the page was served by `pacific-lab serve`, whose token is in the page's address.
 */
export function chooseLabClient(): LabClient {
  if (window.lab) return bridgeClient(window.lab)
  return bridgeClient(httpBridge(new URLSearchParams(window.location.search).get('token') ?? ''))
}
