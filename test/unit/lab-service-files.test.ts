import { chmodSync, existsSync, mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'

import { afterEach, describe, expect, it } from 'vitest'

import { dispatch } from '../../src/shared/contract/dispatch'
import { addNodeBatch } from '../../src/shared/domain/commands'
import { LabService } from '../../src/node/lab-service'
import { allSteps } from './run-pages'

const services: LabService[] = []
function start(dataDir: string, lab?: string) {
  const service = new LabService('cli', { dataDir, ...(lab === undefined ? {} : { lab }) })
  services.push(service)
  return service
}
afterEach(() => {
  for (const s of services.splice(0)) s.close()
})
const freshDir = () => mkdtempSync(join(tmpdir(), 'pl-files-'))

describe('LabService with lab files', () => {
  it('on first start writes the demo lab into the data folder and opens it', () => {
    const dir = freshDir()
    const snapshot = start(dir).handlers.getTopology()
    expect(snapshot.path).toBe(join(dir, 'demo.pacificlab'))
    expect(existsSync(snapshot.path!)).toBe(true)
    expect(snapshot.name).toBe('Demo lab: the seed deck')
  })

  it('reopens the last lab after a restart with its undo history, view state and runs', async () => {
    const dir = freshDir()
    const first = start(dir)
    const created = await dispatch(first.handlers, 'newLab', { path: 'mine.pacificlab' })
    expect(created).toMatchObject({ ok: true, value: { path: join(dir, 'mine.pacificlab') } })
    expect(first.handlers.getTopology().name).toBe('mine')
    first.handlers.applyEdits({ batch: addNodeBatch('vcenter', 'vc', null, { x: 0, y: 0 }, 'vc-1') })
    first.handlers.applyEdits({ batch: addNodeBatch('cluster', 'c1', 'vc-1', { x: 5, y: 5 }, 'cl-1') })
    first.handlers.undo()
    const view = { viewport: { x: 3, y: 4, zoom: 1.5 }, collapsed: ['vc-1'], selection: [] }
    first.handlers.setViewState(view)
    first.close()

    const second = start(dir)
    const snapshot = second.handlers.getTopology()
    expect(snapshot.path).toBe(join(dir, 'mine.pacificlab'))
    expect(snapshot).toMatchObject({ undoLabel: 'Add vc', redoLabel: 'Add c1' })
    expect(second.handlers.getViewState()).toEqual(view)
    second.handlers.redo()
    expect(second.handlers.getTopology().topology.nodes.map((n) => n.id)).toEqual(['cl-1', 'vc-1'])
    expect(second.handlers.listRecentLabs().labs.map((l) => l.path)).toEqual([
      join(dir, 'mine.pacificlab'),
      join(dir, 'demo.pacificlab'),
    ])
  })

  it('stores runs and branches in the lab file: after a restart they list and replay without re-planning', async () => {
    const dir = freshDir()
    const first = start(dir)
    const { run } = await first.handlers.startRun({ seed: 7, faults: [] })
    const { run: branch } = await first.handlers.branchRun({
      runId: run.id,
      fault: { kind: 'host-failure', target: 'host-2', atSeq: 33 },
    })
    const steps = await allSteps(first, run.id)
    const branchSteps = await allSteps(first, branch.id)
    const placed = steps.find((s) => s.placement)!
    const full = await first.handlers.getStep({ runId: run.id, seq: placed.seq })
    first.close()

    const second = start(dir)
    const { runs } = second.handlers.listRuns()
    expect(runs).toEqual([run, branch])
    expect(runs[0]).toMatchObject({ seed: 7, parentId: null, label: 'Run 1 · seed 7' })
    expect(runs[0]!.summary.steps).toBe(run.stepCount)
    expect(runs[1]).toMatchObject({ parentId: run.id, faults: [{ kind: 'host-failure', target: 'host-2' }] })
    expect(await allSteps(second, run.id, 37)).toEqual(steps)
    expect(await allSteps(second, branch.id)).toEqual(branchSteps)
    expect(await second.handlers.getStep({ runId: run.id, seq: placed.seq })).toEqual(full)
    // Branching a reopened run re-plans from the topology stored with it.
    const again = await second.handlers.branchRun({
      runId: run.id,
      fault: { kind: 'host-failure', target: 'host-2', atSeq: 33 },
    })
    expect(again.run.stepCount).toBe(branch.stepCount)
    expect((await second.handlers.startRun({ seed: 8, faults: [] })).run.label).toBe('Run 2 · seed 8')
  })

  it('saves as a new file and keeps working on the copy', async () => {
    const dir = freshDir()
    const service = start(dir)
    service.handlers.applyEdits({
      batch: addNodeBatch('host', 'esxi-04', 'cl-1', { x: 680, y: 50 }, 'host-4'),
    })
    const copy = await dispatch(service.handlers, 'saveLabAs', { path: join(dir, 'copy.pacificlab') })
    expect(copy).toMatchObject({ ok: true, value: { path: join(dir, 'copy.pacificlab') } })
    expect(service.handlers.getTopology()).toMatchObject({ undoLabel: 'Add esxi-04' })
    const again = await dispatch(service.handlers, 'saveLabAs', { path: 'demo.pacificlab' })
    expect(again).toMatchObject({ ok: false, error: { code: 'exists' } })
  })

  it('names the problem with a typed path', async () => {
    const service = start(freshDir())
    expect(await dispatch(service.handlers, 'openLab', { path: 'notes.txt' })).toMatchObject({
      ok: false,
      error: { code: 'bad-path', message: expect.stringContaining('does not end in .pacificlab') as string },
    })
    expect(await dispatch(service.handlers, 'openLab', { path: 'missing.pacificlab' })).toMatchObject({
      ok: false,
      error: {
        code: 'not-found',
        message: expect.stringContaining('missing.pacificlab does not exist') as string,
      },
    })
    expect(
      await dispatch(service.handlers, 'newLab', { path: '/no/such/folder/x.pacificlab' }),
    ).toMatchObject({
      ok: false,
      error: {
        code: 'not-found',
        message: expect.stringContaining('the folder /no/such/folder does not exist') as string,
      },
    })
  })

  it('makes a new lab over an old file only when told to (a save dialog asked), never over the open lab', async () => {
    const dir = freshDir()
    const service = start(dir)
    await dispatch(service.handlers, 'newLab', { path: 'first.pacificlab' })
    service.handlers.applyEdits({ batch: addNodeBatch('vcenter', 'vc', null, { x: 0, y: 0 }, 'vc-1') })
    await dispatch(service.handlers, 'openDemoLab', {})
    expect(await dispatch(service.handlers, 'newLab', { path: 'first.pacificlab' })).toMatchObject({
      ok: false,
      error: { code: 'exists' },
    })
    const replaced = await dispatch(service.handlers, 'newLab', { path: 'first.pacificlab', overwrite: true })
    expect(replaced).toMatchObject({ ok: true, value: { path: join(dir, 'first.pacificlab') } })
    expect(service.handlers.getTopology()).toMatchObject({ name: 'first', topology: { nodes: [] } })
    expect(
      await dispatch(service.handlers, 'newLab', { path: 'first.pacificlab', overwrite: true }),
    ).toMatchObject({
      ok: false,
      error: { code: 'bad-path', message: expect.stringContaining('open already') as string },
    })
    expect(service.handlers.getTopology().path).toBe(join(dir, 'first.pacificlab'))
  })
  it('opens a read-only lab read-only with a notice and refuses edits', async () => {
    const dir = freshDir()
    const service = start(dir)
    await dispatch(service.handlers, 'saveLabAs', { path: 'frozen.pacificlab' })
    await dispatch(service.handlers, 'openDemoLab', {})
    chmodSync(join(dir, 'frozen.pacificlab'), 0o444)
    const opened = await dispatch(service.handlers, 'openLab', { path: 'frozen.pacificlab' })
    expect(opened).toMatchObject({ ok: true, value: { path: join(dir, 'frozen.pacificlab') } })
    expect(service.handlers.getTopology()).toMatchObject({
      readOnly: true,
      notice: expect.stringContaining('read-only') as string,
    })
    const edit = await dispatch(service.handlers, 'applyEdits', {
      batch: addNodeBatch('host', 'esxi-04', 'cl-1', { x: 680, y: 50 }, 'host-4'),
    })
    expect(edit).toMatchObject({ ok: false, error: { code: 'read-only' } })
    // Runs of a read-only lab stay for the session, listed after those in the file.
    const { run } = await service.handlers.startRun({ seed: 3, faults: [] })
    expect(service.handlers.listRuns().runs.map((r) => r.id)).toEqual([run.id])
    expect(await allSteps(service, run.id)).toHaveLength(run.stepCount)
    await dispatch(service.handlers, 'openDemoLab', {})
    expect(service.handlers.listRuns().runs).toEqual([])
  })

  it('starts on the demo, saying why, when the last lab no longer opens', async () => {
    const dir = freshDir()
    const first = start(dir)
    await dispatch(first.handlers, 'newLab', { path: 'broken.pacificlab' })
    first.close()
    writeFileSync(join(dir, 'broken.pacificlab'), 'not a lab any more')
    const snapshot = start(dir).handlers.getTopology()
    expect(snapshot.name).toBe('Demo lab: the seed deck')
    expect(snapshot.notice).toContain('broken.pacificlab is not a Pacific Lab file')
  })
})
