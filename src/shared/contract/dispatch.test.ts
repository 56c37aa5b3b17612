import { describe, expect, it } from 'vitest'

import type { Handlers } from './contract'
import { dispatch } from './dispatch'
import { LabError } from './result'

// Only the requests these tests call; dispatch never reaches the others.
const handlers = {
  getAppInfo: () => ({ name: 'Pacific Lab', version: '0', shell: 'cli', platform: 'linux' }),
  openDemoLab: () => {
    throw new LabError('bad-file', 'demo.json is broken')
  },
  getTopology: () => {
    throw new Error('boom')
  },
} as Partial<Handlers> as Handlers

describe('dispatch', () => {
  it('answers a valid request with ok', async () => {
    expect(await dispatch(handlers, 'getAppInfo', {})).toMatchObject({
      ok: true,
      value: { name: 'Pacific Lab' },
    })
  })
  it('refuses unknown methods and invalid input without calling a handler', async () => {
    expect(await dispatch(handlers, 'deleteEverything', {})).toMatchObject({
      ok: false,
      error: { code: 'unknown-method' },
    })
    expect(await dispatch(handlers, '__proto__', {})).toMatchObject({
      ok: false,
      error: { code: 'unknown-method' },
    })
    const bad = await dispatch(handlers, 'getAppInfo', { extra: true })
    expect(bad).toMatchObject({ ok: false, error: { code: 'invalid-input' } })
  })
  it('refuses null as an input instead of reading it as {} (issue 14, defect 6)', async () => {
    expect(await dispatch(handlers, 'getAppInfo', null)).toMatchObject({
      ok: false,
      error: { code: 'invalid-input' },
    })
    expect(await dispatch(handlers, 'getAppInfo', undefined)).toMatchObject({ ok: true })
  })
  it('turns thrown errors into Result errors', async () => {
    expect(await dispatch(handlers, 'openDemoLab', {})).toEqual({
      ok: false,
      error: { code: 'bad-file', message: 'demo.json is broken' },
    })
    expect(await dispatch(handlers, 'getTopology', {})).toMatchObject({
      ok: false,
      error: { code: 'internal', message: 'getTopology failed: boom' },
    })
  })
})
