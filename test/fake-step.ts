import type { Step } from '../src/shared/engine/types'

/** A step with every field the engine's schema wants, for tests of storage rather than planning. */
export const fakeStep = (seq: number, text = `step ${seq}`): Step => ({
  seq,
  t: seq * 10,
  duration: 10,
  sequence: 'pod',
  object: 'pod-1',
  actor: 'user',
  target: 'kube-apiserver',
  action: 'test',
  text,
  seedStep: null,
  effects: [],
})
