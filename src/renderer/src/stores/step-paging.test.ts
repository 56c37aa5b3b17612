import { afterEach, describe, expect, it } from 'vitest'

import type { LabClient, StepPage } from '../../../shared/contract/contract'
import { planWithEnd } from '../../../shared/engine/plan'
import { installLabClient } from '../api/lab-client'
import { createPlaybackSession } from '../playback/session'
import type { PlaybackClock } from '../playback/session-types'
import { loadDemo } from '../playback/test-demo'
import { followSession } from './step-paging'

const { topology, run } = loadDemo()
const total = run.steps.length
const { end } = planWithEnd(topology, undefined, 1)
const stillClock: PlaybackClock = {
  now: () => 0,
  frame: () => () => {},
  every: () => () => {},
  idle: () => () => {},
}

const stops: (() => void)[] = []
afterEach(() => stops.splice(0).forEach((stop) => stop()))

/** A client whose only answer is a run's steps, recording what was asked. */
function pagesClient(answer: (from: number, count: number) => StepPage) {
  const asked: { from: number; count: number }[] = []
  const client = {
    getRunSteps: ({ from, count }: { from: number; count: number }) => {
      asked.push({ from, count })
      return Promise.resolve({ ok: true, value: answer(from, count) })
    },
  } as unknown as LabClient
  installLabClient(client)
  return asked
}

async function until(check: () => boolean) {
  for (let i = 0; i < 200 && !check(); i++) await new Promise((r) => setTimeout(r, 5))
  expect(check()).toBe(true)
}

describe('step paging', () => {
  it('asks once for the end of a run whose last step came while it was planned', async () => {
    const asked = pagesClient((from) => ({ from, steps: [], total, complete: true, end }))
    const session = createPlaybackSession(stillClock)
    stops.push(followSession(session, (message) => expect.fail(message)))
    session.open({ runId: 'r1', topology, steps: run.steps, total, complete: false })
    expect(asked).toEqual([])
    // Planning ended after the client had every step: the run is whole, its end not here yet.
    session.append(total + 1, [], total, true)
    await until(() => !session.wantsEnd())
    expect(asked).toEqual([{ from: total + 1, count: 1 }])
    session.seek(total)
    expect(session.state()!.objects['pod-1']).toBe(end.objects['pod-1'])
  })

  it('does not ask again when the service has no end to give (a run stored without it)', async () => {
    const asked = pagesClient((from) => ({ from, steps: [], total, complete: true }))
    const session = createPlaybackSession(stillClock)
    stops.push(followSession(session, (message) => expect.fail(message)))
    session.open({ runId: 'old', topology, steps: run.steps, total, complete: true })
    await until(() => asked.length === 1)
    session.seek(total)
    session.seek(1)
    await new Promise((r) => setTimeout(r, 20))
    expect(asked).toEqual([{ from: total + 1, count: 1 }])
    expect(session.wantsEnd()).toBe(true)
  })
})
