import { z } from 'zod'

import { EditBatch } from '../domain/edits'
import { Problem } from '../domain/problems'
import { Topology } from '../domain/topology'
import { TopologyDiff } from '../domain/topology-diff'
import { EngineState, Fault, RunSummary, Step } from '../engine/types'
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
  /** Versions of what runs the app, by name (`node`, and in Electron `electron`, `chrome`, `v8`). */
  versions: z.record(z.string(), z.string()).optional(),
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
export type LabSnapshot = z.output<typeof LabSnapshot>

/** Which lab is open and which version of it: what a request that changes the lab returns. */
export const LabRevision = z.object({
  path: z.string().nullable(),
  revision: z.number().int().nonnegative(),
})
export type LabRevision = z.output<typeof LabRevision>

/**
 * The `labChanged` push, the one writer of the renderer's lab: the whole lab when another lab
 * opens, otherwise what changed since `baseRevision`. A client whose lab is not at
 * `baseRevision` asks for the whole lab again (`getTopology`) instead of applying it.
 */
export const LabChange = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('snapshot'), snapshot: LabSnapshot }),
  z.object({
    kind: z.literal('diff'),
    baseRevision: z.number().int().nonnegative(),
    revision: z.number().int().nonnegative(),
    diff: TopologyDiff,
    undoLabel: z.string().nullable(),
    redoLabel: z.string().nullable(),
  }),
])
export type LabChange = z.output<typeof LabChange>

/** The panels around the canvas as the user left them; heights in CSS pixels. */
export const PanelLayout = z.object({
  playbackHeight: z.number().min(0).max(10_000).optional(),
  problemsHeight: z.number().min(0).max(10_000).optional(),
  /** True: only the header line with the counts; absent: folded while there is nothing to fix. */
  problemsFolded: z.boolean().optional(),
  /** True: the playback shows its controls and timeline, not the steps. */
  playbackFolded: z.boolean().optional(),
})
export type PanelLayout = z.output<typeof PanelLayout>

export const PlaybackSpeed = z.union([z.literal('fit'), z.number().min(0).max(1_000)])
export type PlaybackSpeed = z.output<typeof PlaybackSpeed>

/** What the window looks like for a lab; stored in the lab file, so it survives a restart. */
export const ViewState = z.object({
  viewport: z.object({ x: z.number(), y: z.number(), zoom: z.number().positive() }),
  /** Ids of group nodes drawn collapsed. */
  collapsed: z.array(z.string()),
  /** Ids of the selected nodes. */
  selection: z.array(z.string()),
  /** Sizes and folds of the panels around the canvas (absent: the defaults). */
  panels: PanelLayout.optional(),
  /** Playback speed: `fit` plays any run in about a minute; a number is a multiple of simulated time (0: one step per tick). */
  playbackSpeed: PlaybackSpeed.optional(),
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

/** One entry of a folder listing: only folders and lab files are ever listed. */
export const FolderEntry = z.object({
  name: z.string(),
  /** Absolute path, as the listed folder's path joined with the name (links are not resolved). */
  path: z.string(),
  kind: z.enum(['folder', 'lab']),
})

/** A place the file browser offers to start from (home, the data folder, the open lab's folder). */
export const FolderPlace = z.object({ name: z.string(), path: z.string() })

/**
 * The commands the Electron application menu pushes to the renderer (`menuCommand`). The shell's
 * own commands (new, open, open recent, save as, close, quit, keyboard shortcuts, about) are done
 * by the main process with native dialogs and never pushed. In serve mode the renderer's own menu
 * bar runs every command; src/shared/menu/app-menu.ts describes the menu for both.
 *
 * When a text field has the focus, `undo`, `redo` and `selectAll` act on the field (its own
 * editing), not on the lab. Cut, copy and paste are Electron's native roles: they fire the page's
 * `cut`, `copy` and `paste` events on the focused element.
 */
export const MENU_COMMANDS = [
  'undo',
  'redo',
  'selectAll',
  'duplicate',
  'delete',
  'find',
  'importManifests',
  'exportManifests',
  'exportImage',
  'fitView',
  'zoomIn',
  'zoomOut',
  'autoLayout',
  'toggleTheme',
  'startRun',
  'playPause',
  'stepBack',
  'stepForward',
  'jumpStart',
  'jumpEnd',
] as const
export const MenuCommand = z.object({ command: z.enum(MENU_COMMANDS) })
export type MenuCommandName = (typeof MENU_COMMANDS)[number]

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
  /**
   * `labFingerprint` of the lab the run was planned from, so a client can tell a stale run;
   * absent for runs stored before lab format 4 whose lab was not kept (it cannot be told).
   */
  labHash: z.string().optional(),
})
export type RunInfo = z.output<typeof RunInfo>

/** Steps a page may hold: a page of a 10,000-pod run is a few megabytes of JSON. */
export const MAX_STEP_PAGE = 10_000

/**
 * Steps `from`.. of a run, placement tables without their per-host rows and without the
 * inputs that rebuild them (`ask`): a 10,000-pod run would send over 200 MB; `getStep` has them.
 * A run may grow while it is read (planning streams its steps): `total` is how many it has
 * now and `complete` says whether more will come.
 */
export const StepPage = z.object({
  from: z.number().int().positive(),
  steps: z.array(Step),
  total: z.number().int().nonnegative(),
  complete: z.boolean(),
  /**
   * On the page holding a complete run's last step, or the empty page just past it: the state
   * after the last step, as the planner left it (when the service has it), so a client reaches
   * the end without replaying the run.
   */
  end: EngineState.optional(),
})
export type StepPage = z.output<typeof StepPage>

/** A run ready to play, in one answer: what lists show and its first page of steps. */
export const RunOpened = z.object({
  run: RunInfo,
  firstPage: StepPage,
})
export type RunOpened = z.output<typeof RunOpened>

/**
 * Progress of a run being planned and stored, pushed while it goes on: `planned` steps so far
 * (`planning`), all planned and the rest being stored (`storing`), then stored and listed
 * (`done`, with the run), or stopped and not listed: `cancelled` (cancelRun), `failed` (with `message`).
 */
export const RunProgress = z.object({
  runId: z.string(),
  planned: z.number().int().nonnegative(),
  phase: z.enum(['planning', 'storing', 'done', 'cancelled', 'failed']),
  message: z.string().optional(),
  /** With `done`: the run as lists show it now that it is stored. */
  run: RunInfo.optional(),
})
export type RunProgress = z.output<typeof RunProgress>

export const requests = {
  getAppInfo: { input: None, output: AppInfo },
  /**
   * Requests that change the lab answer with its new revision only: the lab itself reaches
   * clients once, in the `labChanged` push (a diff, or the whole lab when another opens).
   */
  openDemoLab: { input: None, output: LabRevision },
  /** The whole open lab: at start, and when a client missed a change (see LabChange). */
  getTopology: { input: None, output: LabSnapshot },
  /** Applies one user action (one undo step); refused whole if any edit does not fit. */
  applyEdits: {
    input: z.object({ batch: EditBatch, baseRevision: z.number().int().optional() }),
    output: LabRevision,
  },
  undo: { input: None, output: LabRevision },
  redo: { input: None, output: LabRevision },
  /** Creates an empty lab file at `path` (refused if it exists, unless `overwrite`) and opens it. */
  newLab: { input: LabPath.extend({ overwrite: z.boolean().default(false) }), output: LabRevision },
  /** Opens a lab file; a read-only file opens read-only with a `notice`. */
  openLab: { input: LabPath, output: LabRevision },
  /** Copies the open lab (history, runs and view included) to `path` and opens the copy. */
  saveLabAs: {
    input: LabPath.extend({ overwrite: z.boolean().default(false) }),
    output: LabRevision,
  },
  listRecentLabs: { input: None, output: z.object({ labs: z.array(RecentLab) }) },
  /**
   * One folder for the file browser (serve mode has no native dialog): its sub-folders and
   * `.pacificlab` files only, folders first, by name; hidden entries left out; at most 2,000
   * entries (`truncated` says more were there; src/node/lab-folders.ts). No `path`: the data folder.
   * A relative path is taken from the data folder, as lab paths are (docs/security.md).
   */
  listFolder: {
    input: z.object({ path: z.string().min(1).optional() }).strict(),
    output: z.object({
      path: z.string(),
      /** The folder above, or null at the top of the file system. */
      parent: z.string().nullable(),
      entries: z.array(FolderEntry),
      truncated: z.boolean(),
      places: z.array(FolderPlace),
    }),
  },
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
  /**
   * Plans a run that provisions the open lab from nothing and stores it. Planning goes on in
   * the background: the answer comes as soon as the first page of steps is planned (the page
   * says `complete: false` while more will come), `runProgress` pushes follow the rest, and the
   * run is listed once all of it is stored. The answer carries the lab revision it was planned
   * from: a client at that revision plays it on the lab it has, without asking for the topology.
   */
  startRun: {
    input: z.object({ seed: z.number().int(), faults: z.array(Fault).default([]) }).strict(),
    output: RunOpened.extend({ labRevision: z.number().int().nonnegative() }),
  },
  /**
   * A stored run to play: the run, the topology it was planned from (null for runs stored
   * before lab format 3: they play on the open lab) and its first page of steps.
   */
  openRun: {
    input: z.object({ runId: z.string().min(1) }).strict(),
    output: RunOpened.extend({ topology: Topology.nullable() }),
  },
  /** Stops a run still being planned or stored; nothing of it stays (`not-running` once it is done). */
  cancelRun: {
    input: z.object({ runId: z.string().min(1) }).strict(),
    output: z.object({ runId: z.string() }),
  },
  /** A page of a run's steps, from step `from` on (see StepPage); a run being planned has those planned so far. */
  getRunSteps: {
    input: z
      .object({
        runId: z.string().min(1),
        from: z.number().int().positive(),
        count: z.number().int().positive().max(MAX_STEP_PAGE),
      })
      .strict(),
    output: StepPage,
  },
  /**
   * One step of a stored run in full, with its placement table: the run stores a placement's
   * inputs (`Placement.ask`), not its rows, and the table is rebuilt here from the run's state.
   */
  getStep: {
    input: z.object({ runId: z.string().min(1), seq: z.number().int().positive() }).strict(),
    output: Step,
  },
  /**
   * Re-plans a run with one more fault; the branch is planned and stored as `startRun` plans a
   * run, beside the original, and played on the topology of the run it branched from.
   */
  branchRun: {
    input: z.object({ runId: z.string().min(1), fault: Fault }).strict(),
    output: RunOpened,
  },
} as const

export const events = {
  labChanged: LabChange,
  runProgress: RunProgress,
  /** A menu item of the Electron application menu was chosen (MENU_COMMANDS says which). */
  menuCommand: MenuCommand,
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
