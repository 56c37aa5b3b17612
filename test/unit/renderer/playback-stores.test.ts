import { afterEach, beforeEach, describe, expect, it } from 'vitest'

import { installLabClient } from '../../../src/renderer/src/api/lab-client'
import { sendBatch } from '../../../src/renderer/src/stores/edit-actions'
import { useLabStore } from '../../../src/renderer/src/stores/lab-store'
import { startLabSession } from '../../../src/renderer/src/stores/lab-sync'
import {
  injectFault,
  jumpEnd,
  loadRun,
  PAGE_STEPS,
  provision,
  session,
  startPlaybackSession,
  stepBack,
} from '../../../src/renderer/src/stores/playback-actions'
import { usePlaybackStore } from '../../../src/renderer/src/stores/playback-store'
import { LEAD_STEPS } from '../../../src/renderer/src/stores/step-paging'
import { FIRST_PAGE } from '../../../src/node/run-handlers'
import { addNodeBatch } from '../../../src/shared/domain/commands'
import { generateLargeLab } from '../../../src/shared/domain/large-lab'
import { directClient } from './direct-client'

const cleanup: (() => void)[] = []
beforeEach(() => {
  session.close()
  useLabStore.setState(useLabStore.getInitialState(), true)
  usePlaybackStore.setState(usePlaybackStore.getInitialState(), true)
})
afterEach(() => cleanup.splice(0).forEach((f) => f()))

async function start() {
  const direct = directClient()
  installLabClient(direct.client)
  const offLab = await startLabSession()
  const offPlayback = startPlaybackSession()
  cleanup.push(offLab, offPlayback, () => direct.service.close())
  await until(() => direct.calls.includes('listRuns'))
  direct.calls.length = 0
  return direct
}

/** Waits for `check` (planning in a worker thread takes seconds on a busy machine). */
async function until(check: () => boolean, ms = 30_000) {
  const end = Date.now() + ms
  while (!check() && Date.now() < end) await new Promise((r) => setTimeout(r, 5))
  expect(check()).toBe(true)
}

const view = () => usePlaybackStore.getState()

/** Replaces the open lab with a generated one of 2,000 vSphere Pods (a run of some 25,000 steps). */
async function openLargeLab() {
  const lab = useLabStore.getState().snapshot!.topology
  const large = generateLargeLab({ hosts: 16, namespaces: 4, pods: 2000 }).topology
  await sendBatch({
    label: 'Large lab',
    edits: [
      { type: 'removeNodes', nodes: lab.nodes, links: lab.links },
      { type: 'addNodes', nodes: large.nodes, links: large.links },
    ],
  })
}

describe('playback store and actions', () => {
  it('provisions in one round trip and plays on the lab it holds', async () => {
    const { calls, service } = await start()
    await provision()
    expect(calls).toEqual(['startRun'])
    const run = service.handlers.listRuns().runs[0]!
    expect(view()).toMatchObject({ runId: run.id, seq: 0, total: run.stepCount, busy: false, loading: false })
    expect(view().runs.map((r) => r.id)).toEqual([run.id])
    expect(view().steps).toHaveLength(run.stepCount)
    jumpEnd()
    expect(view().seq).toBe(run.stepCount)
    stepBack()
    expect(view().seq).toBe(run.stepCount - 1)
  })

  it('shows a long run from its first page while it is planned, pages the lead, then the rest once planned', async () => {
    const { calls } = await start()
    await openLargeLab()
    calls.length = 0
    // While the run is planned only what playback reaches for is paged in, not the whole run.
    let mostWhilePlanning = 0
    const off = usePlaybackStore.subscribe((s) => {
      if (s.progress?.phase === 'planning') mostWhilePlanning = Math.max(mostWhilePlanning, s.steps.length)
    })
    cleanup.push(off)
    await provision()
    expect(view().steps.length).toBeGreaterThanOrEqual(FIRST_PAGE)
    // Listed once stored: the planning progress ends with the run in the list.
    await until(() => view().progress?.phase === 'done')
    const total = view().runs.find((r) => r.id === view().runId)!.stepCount
    expect(total).toBeGreaterThan(FIRST_PAGE + LEAD_STEPS + PAGE_STEPS)
    expect(mostWhilePlanning).toBeLessThanOrEqual(FIRST_PAGE + LEAD_STEPS + PAGE_STEPS)
    // Planned, the rest comes in the background while the player rests: a far seek is at once.
    await until(() => view().total === total && !view().loading)
    expect(view().steps.length).toBe(total)
    session.seek(total - 5)
    expect(view().seq).toBe(total - 5)
    expect(calls[0]).toBe('startRun')
  })

  it('reaches the end of a run followed to its end while it was planned from the planner’s state', async () => {
    await start()
    await openLargeLab()
    await provision()
    // End pressed again and again as steps come: the last step may arrive before planning ends.
    await until(() => {
      jumpEnd()
      return view().progress?.phase === 'done' && !view().loading && view().seq === view().total
    })
    expect(view().seq).toBe(view().runs.find((r) => r.id === view().runId)!.stepCount)
    // The planner's end came after the steps, so nothing replays the run to stand there.
    await until(() => !session.wantsEnd())
  })

  it('opens a stored run and branches it at the current step', async () => {
    const { calls } = await start()
    await provision()
    const first = view().runId!
    session.seek(30)
    await injectFault({ kind: 'host-failure', target: 'host-2' })
    expect(calls.filter((c) => c !== 'getStep')).toEqual(['startRun', 'branchRun'])
    expect(view()).toMatchObject({ seq: 31 })
    expect(view().runs.find((r) => r.id === view().runId)?.parentId).toBe(first)
    await loadRun(first, 5)
    expect(view()).toMatchObject({ runId: first, seq: 5 })
  })

  it('fetches the current step in full when playback rests on a placement', async () => {
    const { calls } = await start()
    await provision()
    const placed = view().steps.find((s) => s.placement)!
    session.seek(placed.seq)
    await until(() => view().detail?.seq === placed.seq)
    expect(view().detail?.placement?.rows.length).toBeGreaterThan(0)
    expect(calls).toContain('getStep')
  })

  it("closes the run when another lab opens, and lists that lab's runs", async () => {
    const { client } = await start()
    await provision()
    await sendBatch(addNodeBatch('host', 'h', 'cl-1', { x: 0, y: 0 }, 'host-9'))
    expect(view().runId).not.toBeNull()
    await client.newLab({ path: 'other.pacificlab' })
    await until(() => view().runId === null && view().runs.length === 0)
  })
})
