import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'

import { afterEach, describe, expect, it } from 'vitest'

import { dispatch } from '../../src/shared/contract/dispatch'
import { LabService } from '../../src/node/lab-service'
import type { PushEvent } from '../../src/shared/contract/contract'
import { FIRST_PAGE } from '../../src/node/run-handlers'
import { allSteps } from './run-pages'

const services: LabService[] = []
/** A service on a fresh data folder, so runs land in a throwaway demo lab file. */
function start() {
  const service = new LabService('cli', { dataDir: mkdtempSync(join(tmpdir(), 'pl-runs-')) })
  services.push(service)
  return service
}
afterEach(() => {
  for (const s of services.splice(0)) s.close()
})

describe('run requests', () => {
  it('plans the demo lab, reports progress, and answers with the run and its first steps', async () => {
    const service = start()
    const phases: string[] = []
    service.onEvent((e: PushEvent) => e.name === 'runProgress' && phases.push(e.payload.phase))
    const { run: info, firstPage, labRevision } = await service.handlers.startRun({ seed: 7, faults: [] })
    expect(info).toMatchObject({ seed: 7, faults: [] })
    expect(info.stepCount).toBeGreaterThan(50)
    expect(labRevision).toBe(service.handlers.getTopology().revision)
    // Planning pushes its count as steps are planned; a run this small is stored in one batch.
    expect(phases.filter((p, i) => p !== phases[i - 1])).toEqual(['planning', 'storing', 'done'])
    expect(firstPage).toMatchObject({ from: 1, total: info.stepCount, complete: true })
    expect(firstPage.steps.map((s) => s.seq)).toEqual(
      Array.from({ length: Math.min(FIRST_PAGE, info.stepCount) }, (_, i) => i + 1),
    )
    const steps = await allSteps(service, info.id, 25)
    expect(steps).toHaveLength(info.stepCount)
    const opened = await service.handlers.openRun({ runId: info.id })
    expect(opened.topology?.nodes.some((n) => n.id === 'pod-1')).toBe(true)
    expect(opened.firstPage).toEqual(firstPage)
    // The list leaves out placement rows; the single step has them.
    const placed = steps.find((s) => s.placement)!
    expect(placed.placement!.rows).toEqual([])
    const full = await service.handlers.getStep({ runId: info.id, seq: placed.seq })
    expect(full.placement!.rows.length).toBe(3)
  })

  it('branches a run with a fault and keeps the original beside it', async () => {
    const service = start()
    const { run: original } = await service.handlers.startRun({ seed: 1, faults: [] })
    const { run: branch } = await service.handlers.branchRun({
      runId: original.id,
      fault: { kind: 'host-failure', target: 'host-2', atSeq: 33 },
    })
    expect(branch.parentId).toBe(original.id)
    expect(branch.id).not.toBe(original.id)
    expect(branch.faults).toHaveLength(1)
    // The label names the host (esxi-02), not its id.
    expect(branch.label).toContain('Host failure of esxi-02 at step 33')
    expect(await allSteps(service, original.id)).toHaveLength(original.stepCount)
  })

  it('names the run or step that does not exist', async () => {
    const handlers = start().handlers
    const missing = await dispatch(handlers, 'getRunSteps', { runId: 'run-9', from: 1, count: 10 })
    expect(missing).toMatchObject({ ok: false, error: { code: 'no-such-run' } })
    expect(missing.ok ? '' : missing.error.message).toContain('run-9')
    const { run: info } = await handlers.startRun({ seed: 1, faults: [] })
    expect(await dispatch(handlers, 'getStep', { runId: info.id, seq: 99_999 })).toMatchObject({
      ok: false,
      error: { code: 'no-such-step' },
    })
    const late = await dispatch(handlers, 'branchRun', {
      runId: info.id,
      fault: { kind: 'host-failure', target: 'host-1', atSeq: 100_000 },
    })
    expect(late).toMatchObject({ ok: false, error: { code: 'bad-fault' } })
    expect(late.ok ? '' : late.error.message).toContain('past the end')
  })
})
