import { z } from 'zod'

import { EditBatch } from '../domain/edits'
import { Topology } from '../domain/topology'
import { Fault, RunSummary, Step } from '../engine/types'
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

/** A planned run as lists show it; its steps come separately (`getRunSteps`). */
export const RunInfo = z.object({
  id: z.string(),
  label: z.string(),
  seed: z.number().int(),
  faults: z.array(Fault),
  stepCount: z.number().int().nonnegative(),
  summary: RunSummary,
  /** The run this one branched from by adding a fault. */
  parentId: z.string().optional(),
})

/** Progress of planning a run, pushed while `startRun` or `branchRun` works. */
export const RunProgress = z.object({
  runId: z.string(),
  planned: z.number().int().nonnegative(),
  phase: z.enum(['planning', 'storing', 'done']),
})

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
  /** Plans a run that provisions the open lab from nothing, stores it and returns its summary. */
  startRun: {
    input: z.object({ seed: z.number().int(), faults: z.array(Fault).default([]) }).strict(),
    output: RunInfo,
  },
  /**
   * Every step of a stored run, with the topology it was planned from. Placement tables come
   * without their per-host rows (a 10,000-pod run would send over 200 MB); `getStep` has them.
   */
  getRunSteps: {
    input: z.object({ runId: z.string().min(1) }).strict(),
    output: z.object({ steps: z.array(Step), topology: Topology.optional() }),
  },
  /** One step of a stored run in full, with its placement table. */
  getStep: {
    input: z.object({ runId: z.string().min(1), seq: z.number().int().positive() }).strict(),
    output: Step,
  },
  /** Re-plans a stored run with one more fault; the branch is stored beside the original. */
  branchRun: {
    input: z.object({ runId: z.string().min(1), fault: Fault }).strict(),
    output: RunInfo,
  },
} as const

export const events = {
  labChanged: LabSnapshot,
  runProgress: RunProgress,
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
