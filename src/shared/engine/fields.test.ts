import { describe, expect, it } from 'vitest'

import { sampleLab } from '../../../test/support/samples'
import { createCursor } from './cursor'
import { hostReservedShare, hostState, namespaceCount, namespaceQuota, objectText } from './fields'
import { plan } from './plan'
import { initialState } from './state'

const topology = sampleLab('demo').topology
const run = plan(topology, undefined, 1)

describe('field catalogue', () => {
  it('reads hosts, namespaces and objects of a provisioned demo lab by name', () => {
    const end = createCursor(run, initialState(topology)).stateAt(run.steps.length)
    expect(hostState(end, 'host-1')).toBe('connected')
    const shares = ['host-1', 'host-2', 'host-3'].map((h) => hostReservedShare(end, h, 'memory') ?? 0)
    expect(Math.max(...shares)).toBeGreaterThan(0)
    expect(Math.max(...shares)).toBeLessThanOrEqual(1)
    expect(hostReservedShare(end, 'no-such-host', 'cpu')).toBeNull()
    expect(namespaceCount(end, 'ns-1', 'pods')).toBeGreaterThan(0)
    expect(namespaceQuota(end, 'ns-1', 'cpuMhz')).toBeGreaterThan(0)
    expect(objectText(end, 'pod-1', 'status')).toBe('Running')
  })
})
