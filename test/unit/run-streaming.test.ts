import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'

import { afterEach, describe, expect, it } from 'vitest'

import { LabService } from '../../src/node/lab-service'
import { FIRST_PAGE } from '../../src/node/run-handlers'
import { LabFile } from '../../src/node/persistence/lab-file'
import { listRuns } from '../../src/node/persistence/runs'
import type { PushEvent, RunProgress } from '../../src/shared/contract/contract'
import { dispatch } from '../../src/shared/contract/dispatch'
import { generateLargeLab } from '../../src/shared/domain/large-lab'
import { labFingerprint } from '../../src/shared/domain/lab-fingerprint'
import { plan, planWithEnd } from '../../src/shared/engine/plan'
import { allSteps } from './run-pages'

const services: LabService[] = []
afterEach(() => {
  for (const s of services.splice(0)) s.close()
})

/** A service whose open lab is a generated lab of `pods` vSphere Pods, with its pushes recorded. */
function serviceWith(pods: number, namespaces = 4) {
  const dir = mkdtempSync(join(tmpdir(), 'pl-stream-'))
  const path = join(dir, 'large.pacificlab')
  const doc = generateLargeLab({ hosts: Math.max(4, Math.ceil(pods / 150)), namespaces, pods })
  LabFile.create(path, doc).close()
  const service = new LabService('cli', { dataDir: dir, lab: path })
  services.push(service)
  const progress: RunProgress[] = []
  service.onEvent((e: PushEvent) => e.name === 'runProgress' && progress.push(e.payload))
  return { service, progress, path, topology: doc.topology }
}

/** Resolves when the run's progress reaches one of `phases`. */
async function until(progress: RunProgress[], runId: string, phases: RunProgress['phase'][]) {
  for (let i = 0; i < 2000; i++) {
    const last = progress.filter((p) => p.runId === runId).at(-1)
    if (last && phases.includes(last.phase)) return last
    await new Promise((r) => setTimeout(r, 10))
  }
  throw new Error(`run ${runId} never reached ${phases.join(' or ')}`)
}

describe('provisioning that streams', () => {
  it('answers with the first page while the 10,000-pod lab is still being planned, and cancels it', async () => {
    const { service, progress, path } = serviceWith(10_000, 50)
    const { run, firstPage } = await service.handlers.startRun({ seed: 1, faults: [] })
    // The answer came with the first page, long before the run's 120,000 steps are planned.
    expect(firstPage).toMatchObject({ from: 1, complete: false })
    expect(firstPage.steps.length).toBe(FIRST_PAGE)
    expect(firstPage.steps[0]?.seq).toBe(1)
    expect(service.handlers.listRuns().runs).toEqual([])
    // Later steps are there to page through while planning goes on.
    const page = await service.handlers.getRunSteps({ runId: run.id, from: FIRST_PAGE + 1, count: 10 })
    expect(page.complete).toBe(false)
    expect(await service.handlers.cancelRun({ runId: run.id })).toEqual({ runId: run.id })
    expect(progress.at(-1)).toMatchObject({ runId: run.id, phase: 'cancelled' })
    expect(service.handlers.listRuns().runs).toEqual([])
    const gone = await dispatch(service.handlers, 'getRunSteps', { runId: run.id, from: 1, count: 1 })
    expect(gone).toMatchObject({ ok: false, error: { code: 'no-such-run' } })
    // The planner stopped where it was asked to and plans the next run from its start.
    const again = await service.handlers.startRun({ seed: 1, faults: [] })
    expect(again.firstPage.steps).toEqual(firstPage.steps)
    await service.handlers.cancelRun({ runId: again.run.id })
    // Nothing of it stays in the file, and the progress stopped counting.
    service.close()
    services.length = 0
    const lab = LabFile.open(path)
    expect(lab.db.prepare('SELECT count(*) FROM steps').pluck().get()).toBe(0)
    expect(listRuns(lab.db)).toEqual([])
    lab.close()
  })

  it('plans in the background the same steps as the engine, lists the run only once it is stored', async () => {
    const { service, progress, topology } = serviceWith(2000)
    // Asked the moment planning ends, while the run is still being stored: the empty page just
    // past its last step brings the planner's end (a client that had every step already).
    let pastEnd: ReturnType<typeof service.handlers.getRunSteps> | null = null
    service.onEvent((e: PushEvent) => {
      if (e.name === 'runProgress' && e.payload.phase === 'storing')
        pastEnd ??= service.handlers.getRunSteps({
          runId: e.payload.runId,
          from: e.payload.planned + 1,
          count: 1,
        })
    })
    const { run, firstPage } = await service.handlers.startRun({ seed: 3, faults: [] })
    expect(firstPage.steps).toHaveLength(FIRST_PAGE)
    const done = await until(progress, run.id, ['done', 'failed', 'cancelled'])
    expect(done.phase).toBe('done')
    const { end } = planWithEnd(topology, undefined, 3)
    expect(pastEnd).toMatchObject({ steps: [], complete: true, end })
    // The run knows the lab it was planned from, so a client tells when it has gone stale.
    expect(done.run?.labHash).toBe(labFingerprint(topology))
    const counts = progress.filter((p) => p.runId === run.id && p.phase === 'planning').map((p) => p.planned)
    expect(counts.length).toBeGreaterThan(2)
    expect(counts).toEqual([...counts].sort((a, b) => a - b))
    const expected = plan(topology, undefined, 3)
    expect(done.run).toMatchObject({
      id: run.id,
      stepCount: expected.steps.length,
      summary: expected.summary,
    })
    expect(service.handlers.listRuns().runs).toEqual([done.run])
    const steps = await allSteps(service, run.id, 5000)
    expect(steps.map((s) => `${s.seq} ${s.text}`)).toEqual(expected.steps.map((s) => `${s.seq} ${s.text}`))
    expect(await dispatch(service.handlers, 'cancelRun', { runId: run.id })).toMatchObject({
      ok: false,
      error: { code: 'not-running' },
    })
  })

  it('cancels a run still being planned when another lab opens', async () => {
    const { service, progress } = serviceWith(10_000, 50)
    const { run } = await service.handlers.startRun({ seed: 1, faults: [] })
    await dispatch(service.handlers, 'openDemoLab', {})
    expect(progress.filter((p) => p.runId === run.id).at(-1)?.phase).toBe('cancelled')
    expect(service.handlers.listRuns().runs.some((r) => r.id === run.id)).toBe(false)
  })
})
