import type { LabClient, LabSnapshot, PushEvent, ViewState } from '../../src/shared/contract/contract'
import { REQUEST_NAMES } from '../../src/shared/contract/contract'
import { err, ok } from '../../src/shared/contract/result'
import { applyBatch, type EditBatch } from '../../src/shared/domain/edits'
import { diffTopology } from '../../src/shared/domain/topology-diff'

/**
 * A lab client with no service behind it, for benchmark pages: it holds a generated lab in
 * the page, applies edits to it and pushes them as the service would (a diff per edit), so
 * the product's stores and canvas run unchanged. Requests a canvas benchmark never makes
 * (runs, manifests, files) answer `unknown-method`.
 */
export function memoryClient(start: LabSnapshot): LabClient {
  let lab = start
  let view: ViewState = { viewport: { x: 0, y: 0, zoom: 1 }, collapsed: [], selection: [] }
  const listeners = new Set<(event: PushEvent) => void>()
  const emit = (event: PushEvent) => listeners.forEach((listener) => listener(event))
  const handlers: Record<string, (input: never) => unknown> = {
    getAppInfo: () => ({ name: 'Pacific Lab', version: 'bench', shell: 'serve', platform: 'bench' }),
    getTopology: () => lab,
    listRuns: () => ({ runs: [] }),
    getViewState: () => view,
    setViewState: (next: ViewState) => (view = next),
    applyEdits: ({ batch }: { batch: EditBatch }) => {
      const before = lab.topology
      const baseRevision = lab.revision
      lab = {
        ...lab,
        topology: applyBatch(before, batch),
        revision: baseRevision + 1,
        undoLabel: batch.label,
      }
      const diff = diffTopology(before, lab.topology)
      emit({
        name: 'labChanged',
        payload: {
          kind: 'diff',
          baseRevision,
          revision: lab.revision,
          diff,
          undoLabel: batch.label,
          redoLabel: null,
        },
      })
      return { path: lab.path, revision: lab.revision }
    },
  }
  const client: Record<string, unknown> = {
    onEvent: (listener: (event: PushEvent) => void) => {
      listeners.add(listener)
      return () => listeners.delete(listener)
    },
  }
  for (const name of REQUEST_NAMES) {
    const handler = handlers[name]
    client[name] = (input: never) =>
      Promise.resolve(
        handler ? ok(handler(input)) : err('unknown-method', `The benchmark page has no ${name}.`),
      )
  }
  return client as LabClient
}
