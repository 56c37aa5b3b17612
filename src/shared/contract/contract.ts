import { z } from 'zod'

import { EditBatch } from '../domain/edits'
import { Topology } from '../domain/topology'
import type { Result } from './result'

/**
 * The one contract between the renderer and the Node services. Adding a request is one entry
 * in `requests`: the preload, the Electron handlers, the HTTP server and the renderer client
 * are all derived from it.
 */

export const AppInfo = z.object({
  name: z.string(),
  version: z.string(),
  /** `electron` or `serve`: the shell the renderer runs in. */
  shell: z.enum(['electron', 'serve', 'cli']),
  platform: z.string(),
})

export const LabSnapshot = z.object({
  /** The lab file, or null for a lab that lives only in memory (the embedded demo). */
  path: z.string().nullable(),
  name: z.string(),
  readOnly: z.boolean(),
  /** Grows by one with every change, so clients can drop stale pushes. */
  revision: z.number().int().nonnegative(),
  topology: Topology,
  /** Labels of the batches undo and redo would revert or reapply, or null when there are none. */
  undoLabel: z.string().nullable(),
  redoLabel: z.string().nullable(),
})

const None = z.object({}).strict()

export const requests = {
  getAppInfo: { input: None, output: AppInfo },
  openDemoLab: { input: None, output: LabSnapshot },
  getTopology: { input: None, output: LabSnapshot },
  /** Applies one user action (one undo step); refused whole if any edit does not fit. */
  applyEdits: {
    input: z.object({ batch: EditBatch, baseRevision: z.number().int().optional() }),
    output: LabSnapshot,
  },
  undo: { input: None, output: LabSnapshot },
  redo: { input: None, output: LabSnapshot },
} as const

export const events = {
  labChanged: LabSnapshot,
} as const

export type RequestName = keyof typeof requests
export type EventName = keyof typeof events
export type Input<K extends RequestName> = z.input<(typeof requests)[K]['input']>
export type Output<K extends RequestName> = z.output<(typeof requests)[K]['output']>
export type EventPayload<E extends EventName> = z.output<(typeof events)[E]>
export type PushEvent = { [E in EventName]: { name: E; payload: EventPayload<E> } }[EventName]

export const REQUEST_NAMES = Object.keys(requests) as RequestName[]

/** What the renderer calls: one method per request, each returning a Result. */
export type LabClient = {
  [K in RequestName]: (input: Input<K>) => Promise<Result<Output<K>>>
} & {
  /** Subscribes to push events; returns the unsubscribe function. */
  onEvent(listener: (event: PushEvent) => void): () => void
}

/** What the Node side implements: every request, typed from the contract; checked by `satisfies`. */
export type Handlers = {
  [K in RequestName]: (input: z.output<(typeof requests)[K]['input']>) => Promise<Output<K>> | Output<K>
}
