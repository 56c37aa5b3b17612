import { afterEach, beforeEach, describe, expect, it } from 'vitest'

import { installLabClient } from '../../../src/renderer/src/api/lab-client'
import { closeDialog, openDialog, useDialogStore } from '../../../src/renderer/src/stores/dialog-store'
import { deleteSelection, redo, sendBatch, undo } from '../../../src/renderer/src/stores/edit-actions'
import { useCanvasViewStore } from '../../../src/renderer/src/stores/canvas-view-store'
import { useLabStore } from '../../../src/renderer/src/stores/lab-store'
import { applyLabChange, startLabSession } from '../../../src/renderer/src/stores/lab-sync'
import {
  dismissError,
  reportError,
  toast,
  useNoticeStore,
} from '../../../src/renderer/src/stores/notice-store'
import { setSearchOpen, useSearchStore } from '../../../src/renderer/src/stores/search-store'
import {
  selectAllRoots,
  setSelection,
  useSelectionStore,
} from '../../../src/renderer/src/stores/selection-store'
import { addNodeBatch } from '../../../src/shared/domain/commands'
import { directClient } from './direct-client'

function reset() {
  useLabStore.setState(useLabStore.getInitialState(), true)
  useSelectionStore.setState(useSelectionStore.getInitialState(), true)
  useNoticeStore.setState(useNoticeStore.getInitialState(), true)
  useSearchStore.setState(useSearchStore.getInitialState(), true)
  useDialogStore.setState(useDialogStore.getInitialState(), true)
  useCanvasViewStore.setState(useCanvasViewStore.getInitialState(), true)
}
const cleanup: (() => void)[] = []
beforeEach(reset)
afterEach(() => cleanup.splice(0).forEach((f) => f()))

async function start(options: { latePushes?: boolean } = {}) {
  const direct = directClient(options)
  installLabClient(direct.client)
  const off = await startLabSession()
  cleanup.push(off, () => direct.service.close())
  direct.calls.length = 0
  return direct
}

const host = (id: string) => addNodeBatch('host', id, 'cl-1', { x: 680, y: 50 }, id)
const lab = () => useLabStore.getState().snapshot!

describe('lab store', () => {
  it('starts with the whole lab, then takes each edit as one request and one write', async () => {
    const { calls } = await start()
    expect(lab().name).toBe('Demo lab: the seed deck')
    const writes = useLabStore.getState().writes
    expect(await sendBatch(host('host-4'))).toBe(true)
    expect(calls).toEqual(['applyEdits'])
    expect(useLabStore.getState().writes).toBe(writes + 1)
    expect(lab().topology.nodes.some((n) => n.id === 'host-4')).toBe(true)
    expect(lab().undoLabel).toBe('Add host-4')
  })

  it('waits for its own push when the reply comes first, so the next action sees the edit', async () => {
    await start({ latePushes: true })
    await sendBatch(host('host-4'))
    expect(lab().topology.nodes.some((n) => n.id === 'host-4')).toBe(true)
    setSelection(['host-4'])
    await deleteSelection()
    expect(lab().topology.nodes.some((n) => n.id === 'host-4')).toBe(false)
    await undo()
    expect(lab().topology.nodes.some((n) => n.id === 'host-4')).toBe(true)
    await redo()
    expect(lab().topology.nodes.some((n) => n.id === 'host-4')).toBe(false)
  })

  it('reads the whole lab again when a diff does not start from the revision it holds', async () => {
    const { calls, service } = await start()
    const before = lab().revision
    applyLabChange({
      kind: 'diff',
      baseRevision: before + 5,
      revision: before + 6,
      diff: { nodes: [], removedNodes: ['host-1'], links: [], removedLinks: [] },
      undoLabel: null,
      redoLabel: null,
    })
    await new Promise((r) => setTimeout(r, 10))
    expect(calls).toEqual(['getTopology'])
    expect(lab()).toEqual(service.handlers.getTopology())
  })

  it('drops a push older than what it holds', async () => {
    await start()
    const held = lab()
    applyLabChange({ kind: 'snapshot', snapshot: { ...held, revision: held.revision - 1, name: 'old' } })
    expect(lab()).toBe(held)
  })

  it('fits another lab into view when it opens, not on an edit of the same lab', async () => {
    await start()
    useCanvasViewStore.setState({ viewRequest: null })
    await sendBatch(host('host-4'))
    expect(useCanvasViewStore.getState().viewRequest?.kind).not.toBe('fit')
    const next = { ...lab(), revision: lab().revision + 1, path: '/labs/other.pacificlab' }
    applyLabChange({ kind: 'snapshot', snapshot: next })
    expect(useCanvasViewStore.getState().viewRequest?.kind).toBe('fit')
  })

  it('shows a refused edit in the banner and keeps the lab as it was', async () => {
    await start()
    const held = lab()
    expect(await sendBatch(addNodeBatch('pod', 'p', 'no-such-ns', { x: 0, y: 0 }, 'pod-9'))).toBe(false)
    expect(useNoticeStore.getState().error).toMatch(/no-such-ns/)
    expect(lab()).toBe(held)
  })
})

describe('selection, notice, search and dialog stores', () => {
  it('each keeps one kind of state and resets to its initial state', async () => {
    await start()
    selectAllRoots()
    expect(useSelectionStore.getState().selection).toEqual(
      lab()
        .topology.nodes.filter((n) => n.parentId === null)
        .map((n) => n.id),
    )
    toast('Copied 1 object')
    reportError('It broke')
    expect(useNoticeStore.getState()).toMatchObject({
      error: 'It broke',
      toasts: [{ message: 'Copied 1 object' }],
    })
    dismissError()
    expect(useNoticeStore.getState().error).toBeNull()
    setSearchOpen(true)
    openDialog('export')
    expect(useSearchStore.getState().open).toBe(true)
    expect(useDialogStore.getState().open).toBe('export')
    closeDialog()
    expect(useDialogStore.getState().open).toBeNull()
    reset()
    expect(useSelectionStore.getState().selection).toEqual([])
    expect(useNoticeStore.getState().toasts).toEqual([])
  })
})
