import { z } from 'zod'

import { EditBatch } from '../domain/edits'
import { Problem } from '../domain/problems'
import { Topology } from '../domain/topology'
import { Fault, RunSummary, Step } from '../engine/types'
import { ExportOptions } from '../manifests/options'
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
  /** Something the user should know about the open lab, e.g. that it opened read-only and why. */
  notice: z.string().optional(),
})

/** What the window looks like for a lab; stored in the lab file, so it survives a restart. */
export const ViewState = z.object({
  viewport: z.object({ x: z.number(), y: z.number(), zoom: z.number().positive() }),
  /** Ids of group nodes drawn collapsed. */
  collapsed: z.array(z.string()),
  /** Ids of the selected nodes. */
  selection: z.array(z.string()),
})
export type ViewState = z.output<typeof ViewState>

/** A lab the user opened before, newest first. */
export const RecentLab = z.object({
  path: z.string(),
  name: z.string(),
  /** ISO 8601 time it was last opened. */
  opened: z.string(),
  /** False when the file is gone (moved or deleted) since. */
  exists: z.boolean(),
})

/** A lab file path typed by the user or picked in a dialog: absolute, or relative to the data folder. */
const LabPath = z.object({ path: z.string().min(1) })

const None = z.object({}).strict()

/** A file of an export or an import: path relative to its root, `/` separators. */
export const ManifestFile = z.object({ path: z.string().min(1), content: z.string() })

export const ImportErrorSchema = z.object({
  file: z.string(),
  line: z.number().int(),
  col: z.number().int(),
  message: z.string(),
  path: z.string().optional(),
  schema: z.string().optional(),
})

/**
 * A planned run as lists show it; its steps come separately (`getRunSteps`). Runs are stored
 * in the lab file, so the list survives a reload; its seed and faults make it reproducible.
 */
export const RunInfo = z.object({
  id: z.string().min(1),
  label: z.string(),
  seed: z.number().int(),
  faults: z.array(Fault),
  /** ISO 8601 time the run was stored (wall clock; metadata only). */
  created: z.string(),
  /** The run this one branched from by adding a fault, or null. */
  parentId: z.string().nullable(),
  stepCount: z.number().int().nonnegative(),
  summary: RunSummary,
})
export type RunInfo = z.output<typeof RunInfo>

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
  /** Creates an empty lab file at `path` (refused if it exists) and opens it. */
  newLab: { input: LabPath, output: LabSnapshot },
  /** Opens a lab file; a read-only file opens read-only with a `notice`. */
  openLab: { input: LabPath, output: LabSnapshot },
  /** Copies the open lab (history, runs and view included) to `path` and opens the copy. */
  saveLabAs: {
    input: LabPath.extend({ overwrite: z.boolean().default(false) }),
    output: LabSnapshot,
  },
  listRecentLabs: { input: None, output: z.object({ labs: z.array(RecentLab) }) },
  /** Every run of the open lab, oldest first (a read-only lab adds the runs of this session). */
  listRuns: { input: None, output: z.object({ runs: z.array(RunInfo) }) },
  getViewState: { input: None, output: ViewState },
  setViewState: { input: ViewState, output: ViewState },

  /** The open lab as manifests and vCenter requests; no files when any object breaks its schema. */
  exportManifests: {
    input: z.object({ options: ExportOptions.partial().optional() }),
    output: z.object({ files: z.array(ManifestFile), problems: z.array(Problem) }),
  },
  /** Manifests read against the open lab: the batch to apply (null: no change), or every error. */
  importManifests: {
    input: z.object({ files: z.array(ManifestFile).min(1), defaultNamespace: z.string().optional() }),
    output: z.discriminatedUnion('ok', [
      z.object({
        ok: z.literal(true),
        batch: EditBatch.nullable(),
        summary: z.array(z.string()),
        /** What the platform would ignore (hostNetwork, NodePort, server-set fields), with where it is. */
        warnings: z.array(ImportErrorSchema),
        /** How something was read: preview kinds and their equivalent today, objects kept as written. */
        notes: z.array(ImportErrorSchema),
      }),
      z.object({ ok: z.literal(false), errors: z.array(ImportErrorSchema) }),
    ]),
  },
  /** Plans a run that provisions the open lab from nothing, stores it and returns its summary. */
  startRun: {
    input: z.object({ seed: z.number().int(), faults: z.array(Fault).default([]) }).strict(),
    output: RunInfo,
  },
  /**
   * Every step of a stored run, with the topology it was planned from. Placement tables come
   * without their per-host rows (a 10,000-pod run would send over 200 MB) and without the inputs
   * that rebuild them (`ask`); `getStep` has them.
   */
  getRunSteps: {
    input: z.object({ runId: z.string().min(1) }).strict(),
    output: z.object({ steps: z.array(Step), topology: Topology.optional() }),
  },
  /**
   * One step of a stored run in full, with its placement table: the run stores a placement's
   * inputs (`Placement.ask`), not its rows, and the table is rebuilt here from the run's state.
   */
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
