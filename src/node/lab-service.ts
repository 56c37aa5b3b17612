import { platform } from 'node:os'

import type { z } from 'zod'

import type { AppInfo, EventPayload, Handlers, PushEvent } from '../shared/contract/contract'
import { LabError } from '../shared/contract/result'
import { applyBatch, EditError, invertBatch, type EditBatch } from '../shared/domain/edits'
import type { LabDocument } from '../shared/domain/lab-document'
import { loadDemoLab } from './demo-lab'
import { packageVersion } from './paths'
import { createRunHandlers, MemoryRunStore } from './run-handlers'

type Shell = z.output<typeof AppInfo>['shell']

interface OpenLab {
  path: string | null
  readOnly: boolean
  revision: number
  doc: LabDocument
  /** Applied batches, newest last; undo reverts the last one. */
  undo: EditBatch[]
  redo: EditBatch[]
}

const freshLab = (doc: LabDocument, revision: number): OpenLab => ({
  path: null,
  readOnly: false,
  revision,
  doc,
  undo: [],
  redo: [],
})

/**
 * Implements the contract for one window (or one serve-mode page): the lab that is open and
 * the requests on it. Both transports call the same instance through `dispatch`.
 */
export class LabService {
  private lab: OpenLab
  private readonly listeners = new Set<(event: PushEvent) => void>()

  constructor(private readonly shell: Shell) {
    this.lab = freshLab(loadDemoLab(), 0)
  }

  onEvent(listener: (event: PushEvent) => void): () => void {
    this.listeners.add(listener)
    return () => this.listeners.delete(listener)
  }

  private emit(event: PushEvent) {
    for (const listener of this.listeners) listener(event)
  }

  private snapshot(): EventPayload<'labChanged'> {
    const { path, readOnly, revision, doc, undo, redo } = this.lab
    return {
      path,
      readOnly,
      revision,
      name: doc.name,
      topology: doc.topology,
      undoLabel: undo.at(-1)?.label ?? null,
      redoLabel: redo.at(-1)?.label ?? null,
    }
  }

  private changed(): EventPayload<'labChanged'> {
    this.lab.revision++
    const snapshot = this.snapshot()
    this.emit({ name: 'labChanged', payload: snapshot })
    return snapshot
  }

  /** Applies a batch to the open lab, or refuses it whole with the reason. */
  private apply(batch: EditBatch) {
    if (this.lab.readOnly)
      throw new LabError('read-only', `${this.lab.path ?? 'This lab'} is open read-only.`)
    try {
      this.lab.doc = { ...this.lab.doc, topology: applyBatch(this.lab.doc.topology, batch) }
    } catch (e) {
      if (e instanceof EditError) throw new LabError('edit-refused', `${batch.label}: ${e.message}`)
      throw e
    }
  }

  // Runs: the integrator may swap MemoryRunStore for the lab file's store.
  private readonly runs = createRunHandlers({
    topology: () => this.lab.doc.topology,
    emit: (event) => this.emit(event),
    store: new MemoryRunStore(),
  })

  readonly handlers = {
    ...this.runs,
    getAppInfo: () => ({
      name: 'Pacific Lab',
      version: packageVersion(),
      shell: this.shell,
      platform: platform(),
    }),
    openDemoLab: () => {
      this.lab = freshLab(loadDemoLab(), this.lab.revision)
      return this.changed()
    },
    getTopology: () => this.snapshot(),
    applyEdits: ({ batch, baseRevision }) => {
      if (baseRevision !== undefined && baseRevision !== this.lab.revision)
        throw new LabError(
          'stale',
          `The lab changed (revision ${this.lab.revision}, not ${baseRevision}); try again.`,
        )
      this.apply(batch)
      this.lab.undo.push(batch)
      this.lab.redo = []
      return this.changed()
    },
    undo: () => {
      const batch = this.lab.undo.at(-1)
      if (!batch) throw new LabError('nothing-to-undo', 'There is nothing to undo.')
      this.apply(invertBatch(batch))
      this.lab.redo.push(batch)
      this.lab.undo.pop()
      return this.changed()
    },
    redo: () => {
      const batch = this.lab.redo.at(-1)
      if (!batch) throw new LabError('nothing-to-redo', 'There is nothing to redo.')
      this.apply(batch)
      this.lab.undo.push(batch)
      this.lab.redo.pop()
      return this.changed()
    },
  } satisfies Handlers
}
