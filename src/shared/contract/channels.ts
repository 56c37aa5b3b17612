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
  /**
   * Electron only: the file-system path of a `File` dropped on the page (`webUtils.getPathForFile`),
   * or '' when it has none; the page opens a dropped lab with `openLab({ path })`. A browser
   * never tells a page where a file lives, so serve mode has no such method.
   */
  pathForFile?(file: object): string
}
