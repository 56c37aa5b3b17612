import type { LabBridge } from '../../../shared/contract/channels'
import type { Result } from '../../../shared/contract/result'

/** Serve mode's bridge: POST /api/<method> for requests, server-sent events for pushes. */
export function httpBridge(token: string): LabBridge {
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
