import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'

import { afterEach, describe, expect, it } from 'vitest'

import type { LabChange } from '../../src/shared/contract/contract'
import { dispatch } from '../../src/shared/contract/dispatch'
import { addNodeBatch, deleteSubtreesBatch } from '../../src/shared/domain/commands'
import { LabService } from '../../src/node/lab-service'

const open: LabService[] = []
/** A service on a fresh data folder: the first start writes the demo lab there and opens it. */
function newService() {
  const service = new LabService('cli', { dataDir: mkdtempSync(join(tmpdir(), 'pl-service-')) })
  open.push(service)
  return service
}
afterEach(() => {
  for (const service of open.splice(0)) service.close()
})

describe('LabService edits', () => {
  it('applies a batch, undoes it and redoes it exactly', async () => {
    const service = newService()
    const before = service.handlers.getTopology()
    const batch = deleteSubtreesBatch(before.topology, ['ns-1'])!
    const after = await dispatch(service.handlers, 'applyEdits', { batch })
    expect(after).toEqual({ ok: true, value: { path: before.path, revision: before.revision + 1 } })
    expect(service.handlers.getTopology()).toMatchObject({ undoLabel: batch.label, redoLabel: null })
    service.handlers.undo()
    const undone = service.handlers.getTopology()
    expect(undone.topology).toEqual(before.topology)
    expect(undone.redoLabel).toBe(batch.label)
    service.handlers.redo()
    expect(service.handlers.getTopology().topology.nodes.some((n) => n.id === 'ns-1')).toBe(false)
  })

  it('refuses a batch that does not fit and leaves the lab as it was', async () => {
    const service = newService()
    const before = service.handlers.getTopology()
    const batch = addNodeBatch('pod', 'web', 'no-such-namespace', { x: 0, y: 0 }, 'pod-9')
    const result = await dispatch(service.handlers, 'applyEdits', { batch })
    expect(result).toMatchObject({ ok: false, error: { code: 'edit-refused' } })
    expect(service.handlers.getTopology()).toEqual(before)
  })

  it('says so when there is nothing to undo', async () => {
    const result = await dispatch(newService().handlers, 'undo', {})
    expect(result).toMatchObject({ ok: false, error: { code: 'nothing-to-undo' } })
  })

  it('pushes each edit as a diff from the revision before, carrying only what changed', () => {
    const service = newService()
    const changes: LabChange[] = []
    service.onEvent((e) => e.name === 'labChanged' && changes.push(e.payload))
    service.handlers.applyEdits({
      batch: addNodeBatch('host', 'esxi-04', 'cl-1', { x: 680, y: 50 }, 'host-4'),
    })
    service.handlers.undo()
    expect(changes).toMatchObject([
      { kind: 'diff', baseRevision: 0, revision: 1, undoLabel: 'Add esxi-04' },
      { kind: 'diff', baseRevision: 1, revision: 2, redoLabel: 'Add esxi-04' },
    ])
    expect(changes.map((c) => c.kind === 'diff' && c.diff)).toEqual([
      { nodes: [expect.objectContaining({ id: 'host-4' })], removedNodes: [], links: [], removedLinks: [] },
      { nodes: [], removedNodes: ['host-4'], links: [], removedLinks: [] },
    ])
  })

  it('pushes the whole lab when another lab opens', async () => {
    const service = newService()
    const changes: LabChange[] = []
    service.onEvent((e) => e.name === 'labChanged' && changes.push(e.payload))
    const opened = await dispatch(service.handlers, 'openDemoLab', {})
    expect(opened).toMatchObject({ ok: true, value: { revision: 1 } })
    expect(changes).toMatchObject([
      { kind: 'snapshot', snapshot: { revision: 1, name: 'Demo lab: the seed deck' } },
    ])
  })
})
