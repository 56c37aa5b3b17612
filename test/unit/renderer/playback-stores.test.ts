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

async function until(check: () => boolean) {
  for (let i = 0; i < 200 && !check(); i++) await new Promise((r) => setTimeout(r, 5))
  expect(check()).toBe(true)
}

const view = () => usePlaybackStore.getState()

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

  it('pages in the rest of a long run after the first page, while it can already play', async () => {
    const { calls } = await start()
    const lab = useLabStore.getState().snapshot!.topology
    const large = generateLargeLab({ hosts: 4, namespaces: 2, pods: 200 }).topology
    await sendBatch({
      label: 'Large lab',
      edits: [
        { type: 'removeNodes', nodes: lab.nodes, links: lab.links },
        { type: 'addNodes', nodes: large.nodes, links: large.links },
      ],
    })
    calls.length = 0
    await provision()
    expect(view().total).toBeGreaterThan(FIRST_PAGE)
    expect(view().steps.length).toBeLessThan(view().total)
    session.seek(FIRST_PAGE + 10)
    await until(() => !view().loading)
    expect(view().steps).toHaveLength(view().total)
    expect(view().seq).toBe(FIRST_PAGE + 10)
    expect(calls[0]).toBe('startRun')
    expect(calls.filter((c) => c === 'getRunSteps').length).toBe(
      Math.ceil((view().total - FIRST_PAGE) / PAGE_STEPS),
    )
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
