/**
 * Electron channel names and the shape of `window.lab`. Kept apart from the zod contract so
 * the sandboxed preload bundles nothing but these few lines.
 */

/** The IPC channel of a request. */
export const channelOf = (name: string) => `lab:${name}`

/** The one channel that carries push events. */
export const EVENT_CHANNEL = 'lab:event'

/**
 * The bridge the preload exposes as `window.lab`: a generic invoke and a subscription. The
 * renderer wraps it into a typed LabClient.
 */
export interface LabBridge {
  invoke(method: string, input: unknown): Promise<unknown>
  onEvent(listener: (event: unknown) => void): () => void
}
