import type { LabBridge } from '../../../shared/contract/channels'
import { REQUEST_NAMES, type LabClient, type PushEvent } from '../../../shared/contract/contract'
import type { Result } from '../../../shared/contract/result'

/**
 * The typed client of the contract. In Electron it wraps `window.lab`; in serve mode it speaks
 * HTTP to the same service with the token from the page's address.
 */
export function createLabClient(): LabClient {
  const bridge = window.lab ?? httpBridge(new URLSearchParams(window.location.search).get('token') ?? '')
  const client: Record<string, unknown> = {
    onEvent: (listener: (event: PushEvent) => void) => bridge.onEvent((e) => listener(e as PushEvent)),
  }
  for (const name of REQUEST_NAMES) client[name] = (input: unknown) => bridge.invoke(name, input)
  return client as LabClient
}

function httpBridge(token: string): LabBridge {
  return {
    async invoke(method, input) {
      try {
        const res = await fetch(`./api/${method}`, {
          method: 'POST',
          headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
          body: JSON.stringify(input ?? {}),
        })
        return (await res.json()) as Result<unknown>
      } catch (e) {
        return {
          ok: false,
          error: { code: 'offline', message: `The lab server did not answer: ${String(e)}` },
        }
      }
    },
    onEvent(listener) {
      const source = new EventSource(`./api/events?token=${encodeURIComponent(token)}`)
      source.onmessage = (message: MessageEvent<string>) => listener(JSON.parse(message.data))
      return () => source.close()
    },
  }
}

export const lab = createLabClient()
