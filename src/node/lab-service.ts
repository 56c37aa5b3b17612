import { platform } from 'node:os'
import { basename } from 'node:path'

import type { z } from 'zod'

import type { AppInfo, Handlers, LabRevision, LabSnapshot, PushEvent } from '../shared/contract/contract'
import { LabError } from '../shared/contract/result'
import { EMPTY_TOPOLOGY, type Topology } from '../shared/domain/topology'
import { diffTopology } from '../shared/domain/topology-diff'
import { loadDemoLab } from './demo-lab'
import { listFolder } from './lab-folders'
import { packageVersion } from './paths'
import { createManifestHandlers } from './manifests/manifest-handlers'
import { AppData, dataDir } from './persistence/app-data'
import { LabFile } from './persistence/lab-file'
import { sourcePlanWorker, type PlanWorkerScript } from './planning/plan-in-worker'
import { createRunHandlers } from './run-handlers'
import { LabRunStore } from './run-store'

type Shell = z.output<typeof AppInfo>['shell']

export interface LabServiceOptions {
  /** The user data folder (recent labs, the demo lab); default `dataDir()`. */
  dataDir?: string
  /** What to open first: 'demo', a lab file path, or (default) the last recent lab or the demo. */
  lab?: string
  /** The plan worker's script: the Electron build passes its bundle; default the source entry. */
  planWorker?: PlanWorkerScript
}

/**
 * Implements the contract for one window (or one serve-mode page): the lab file that is open
 * and the requests on it. Both transports call the same instance through `dispatch`. A lab
 * file is always open: on first start the demo lab is written to the data folder and opened.
 */
export class LabService {
  private lab: LabFile
  /** The open lab's runs: a new store with each lab, so a read-only lab's session runs go with it. */
  private runs: LabRunStore
  private revision = 0
  /** Why the service opened what it opened, e.g. the last lab failed; shown until the next switch. */
  private notice: string | null = null
  private readonly app: AppData
  private readonly appInfo: z.output<typeof AppInfo>
  private readonly listeners = new Set<(event: PushEvent) => void>()
  private readonly planWorker: PlanWorkerScript

  constructor(shell: Shell, options: LabServiceOptions = {}) {
    this.planWorker = options.planWorker ?? sourcePlanWorker()
    this.app = new AppData(options.dataDir ?? dataDir())
    this.appInfo = appInfo(shell)
    try {
      this.lab = this.openStartLab(options.lab)
    } catch (e) {
      this.app.close()
      throw e
    }
    this.runs = new LabRunStore(this.lab)
    this.app.rememberLab(this.lab.path, this.lab.document.name)
  }

  private openStartLab(lab: string | undefined): LabFile {
    if (lab === 'demo') return this.openDemo()
    if (lab !== undefined) return LabFile.open(lab)
    for (const recent of this.app.recentLabs()) {
      if (!recent.exists) continue
      try {
        return LabFile.open(recent.path)
      } catch (e) {
        // The last lab no longer opens: start on the demo and say why, rather than not start.
        this.notice = `${e instanceof Error ? e.message : String(e)} Opened the demo lab instead.`
        return this.openDemo()
      }
    }
    return this.openDemo()
  }

  /** The demo lab in the data folder, written there the first time. */
  private openDemo(): LabFile {
    try {
      return LabFile.open(this.app.demoPath)
    } catch (e) {
      if (e instanceof LabError && e.code === 'not-found')
        return LabFile.create(this.app.demoPath, loadDemoLab())
      throw e
    }
  }

  /** The data folder (recent labs, the demo lab, settings). */
  get dataDir(): string {
    return this.app.dir
  }

  /** The open lab file (for the engine service and the CLI). */
  get labFile(): LabFile {
    return this.lab
  }

  onEvent(listener: (event: PushEvent) => void): () => void {
    this.listeners.add(listener)
    return () => this.listeners.delete(listener)
  }

  private emit(event: PushEvent) {
    for (const listener of this.listeners) listener(event)
  }

  private snapshot(): LabSnapshot {
    const { path, readOnly, document } = this.lab
    const notice = this.notice ?? this.lab.notice
    return {
      path,
      readOnly,
      revision: this.revision,
      name: document.name,
      topology: document.topology,
      ...this.lab.journal(),
      ...(notice === null ? {} : { notice }),
    }
  }

  private revisionRef(): LabRevision {
    return { path: this.lab.path, revision: this.revision }
  }

  /** Runs `change` on the open lab and pushes what it changed, as a diff from the lab before. */
  private edit(change: () => void): LabRevision {
    const before: Topology = this.lab.document.topology
    change()
    this.revision++
    this.emit({
      name: 'labChanged',
      payload: {
        kind: 'diff',
        baseRevision: this.revision - 1,
        revision: this.revision,
        diff: diffTopology(before, this.lab.document.topology),
        ...this.lab.journal(),
      },
    })
    return this.revisionRef()
  }

  /** Makes `next` the open lab, closing the one before, remembers it, and pushes it whole. */
  private switchTo(next: LabFile): LabRevision {
    // A run still planned for the lab before would be stored in a file that is closed.
    this.runHandlers.live.cancelAll()
    if (next !== this.lab) this.lab.close()
    this.lab = next
    this.runs = new LabRunStore(next)
    this.notice = null
    this.app.rememberLab(next.path, next.document.name)
    this.revision++
    this.emit({ name: 'labChanged', payload: { kind: 'snapshot', snapshot: this.snapshot() } })
    return this.revisionRef()
  }

  /** Closes the lab file and the settings database. */
  close() {
    this.runHandlers.live.close()
    this.lab.close()
    this.app.close()
  }

  private readonly runHandlers = createRunHandlers({
    topology: () => this.lab.document.topology,
    revision: () => this.revision,
    emit: (event) => this.emit(event),
    runs: () => this.runs,
    planWorker: () => this.planWorker,
  })

  readonly handlers = {
    ...createManifestHandlers(() => this.lab.document),
    ...this.runHandlers.handlers,
    // A new object per call (the caller owns it) over the versions, which are frozen and shared.
    getAppInfo: () => {
      const { name, version, shell, platform, versions } = this.appInfo
      return { name, version, shell, platform, versions }
    },
    openDemoLab: () => this.switchTo(this.openDemo()),
    getTopology: () => this.snapshot(),
    applyEdits: ({ batch, baseRevision }) => {
      if (baseRevision !== undefined && baseRevision !== this.revision)
        throw new LabError(
          'stale',
          `The lab changed (revision ${this.revision}, not ${baseRevision}); try again.`,
        )
      return this.edit(() => this.lab.applyEdits(batch))
    },
    undo: () => this.edit(() => this.lab.undo()),
    redo: () => this.edit(() => this.lab.redo()),
    newLab: ({ path, overwrite }) => {
      const file = this.app.resolveLabPath(path)
      if (file === this.lab.path) throw new LabError('bad-path', `${file} is the lab that is open already.`)
      const name = basename(file, '.pacificlab') || 'Untitled lab'
      const doc = { name, description: '', topology: EMPTY_TOPOLOGY }
      return this.switchTo(LabFile.create(file, doc, { overwrite }))
    },
    openLab: ({ path }) => this.switchTo(LabFile.open(this.app.resolveLabPath(path))),
    saveLabAs: async ({ path, overwrite }) => {
      const file = this.app.resolveLabPath(path)
      if (file === this.lab.path) throw new LabError('bad-path', `${file} is the lab that is open already.`)
      await this.lab.backupTo(file, { overwrite })
      return this.switchTo(LabFile.open(file))
    },
    listRecentLabs: () => ({ labs: this.app.recentLabs() }),
    listFolder: ({ path }) => listFolder(path, { dataDir: this.app.dir, labPath: this.lab.path }),
    listRuns: () => ({ runs: this.runs.list() }),
    getViewState: () => this.lab.viewState,
    setViewState: (view) => {
      this.lab.setViewState(view)
      return view
    },
  } satisfies Handlers
}

/** What the app is and runs on: fixed for the life of the process, so asked once. */
function appInfo(shell: Shell): z.output<typeof AppInfo> {
  return Object.freeze({
    name: 'Pacific Lab',
    version: packageVersion(),
    shell,
    platform: platform(),
    versions: Object.freeze(runtimeVersions()),
  })
}

/** The runtime's versions a user reports with a bug: Node, and Electron's parts when it runs there. */
function runtimeVersions(): Record<string, string> {
  const names = ['node', 'electron', 'chrome', 'v8'] as const
  const known = process.versions as Partial<Record<(typeof names)[number], string>>
  return Object.fromEntries(names.flatMap((name) => (known[name] ? [[name, known[name]]] : [])))
}
