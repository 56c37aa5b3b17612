import { platform } from 'node:os'

import type { AppInfo, EventPayload, Handlers, PushEvent } from '../shared/contract/contract'
import type { LabDocument } from '../shared/domain/lab-document'
import type { z } from 'zod'
import { loadDemoLab } from './demo-lab'
import { packageVersion } from './paths'

type Shell = z.output<typeof AppInfo>['shell']

interface OpenLab {
  path: string | null
  readOnly: boolean
  revision: number
  doc: LabDocument
}

/**
 * Implements the contract for one window (or one serve-mode page): the lab that is open and
 * the requests on it. Both transports call the same instance through `dispatch`.
 */
export class LabService {
  private lab: OpenLab
  private readonly listeners = new Set<(event: PushEvent) => void>()

  constructor(private readonly shell: Shell) {
    this.lab = { path: null, readOnly: false, revision: 0, doc: loadDemoLab() }
  }

  onEvent(listener: (event: PushEvent) => void): () => void {
    this.listeners.add(listener)
    return () => this.listeners.delete(listener)
  }

  private emit(event: PushEvent) {
    for (const listener of this.listeners) listener(event)
  }

  private snapshot(): EventPayload<'labChanged'> {
    const { path, readOnly, revision, doc } = this.lab
    return { path, readOnly, revision, name: doc.name, topology: doc.topology }
  }

  readonly handlers = {
    getAppInfo: () => ({
      name: 'Pacific Lab',
      version: packageVersion(),
      shell: this.shell,
      platform: platform(),
    }),
    openDemoLab: () => {
      this.lab = { path: null, readOnly: false, revision: this.lab.revision + 1, doc: loadDemoLab() }
      const snapshot = this.snapshot()
      this.emit({ name: 'labChanged', payload: snapshot })
      return snapshot
    },
    getTopology: () => this.snapshot(),
  } satisfies Handlers
}
