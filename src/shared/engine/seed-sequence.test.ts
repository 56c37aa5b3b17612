import { describe, expect, it } from 'vitest'

import { sampleLab } from '../../../test/support/samples'
import { plan } from './plan'
import { withTables } from './placement-on-demand'
import { initialState } from './state'

const topology = sampleLab('demo').topology
// Placement tables are made on demand; the run as the step detail shows it has them.
const run = withTables(plan(topology, undefined, 1), initialState(topology))

describe('the seed deck sequence of a vSphere Pod', () => {
  for (const podId of ['pod-1', 'pod-2']) {
    const steps = run.steps.filter((s) => s.object === podId)
    it(`${podId} passes the seven seed steps in order`, () => {
      const seeds = steps.map((s) => s.seedStep).filter((n): n is number => n !== null)
      expect([...new Set(seeds)]).toEqual([1, 2, 3, 4, 5, 6, 7])
      expect(seeds).toEqual([...seeds].sort((a, b) => a - b))
    })
    it(`${podId} goes through the load balancer, the scheduler, DRS, hostd, Spherelet, the NSX agent on its host, the image service and its CRX`, () => {
      const lane = (n: number) => steps.filter((s) => s.seedStep === n).flatMap((s) => [s.actor, s.target])
      expect(lane(1)).toContain('api-vip-lb')
      expect(lane(1)).toContain('kube-apiserver')
      expect(lane(2)).toEqual(expect.arrayContaining(['kube-scheduler', 'drs']))
      expect(lane(3).some((l) => l.startsWith('hostd:'))).toBe(true)
      expect(lane(4).some((l) => l.startsWith('spherelet:'))).toBe(true)
      // The seed deck's "NSX agent on the host", on the pod's host.
      expect(lane(5).some((l) => l.startsWith('nsx-agent:'))).toBe(true)
      expect(lane(6)).toContain('image-service')
      expect(lane(7)).toContain(`crx:${podId}`)
      expect(steps.at(-1)?.text).toContain('Running')
    })
    it(`${podId}'s placement is explained host by host`, () => {
      const placed = steps.find((s) => s.placement)
      expect(placed?.seedStep).toBe(2)
      expect(placed?.placement?.rows.map((r) => r.hostName)).toEqual(['esxi-01', 'esxi-02', 'esxi-03'])
      expect(placed?.placement?.rows.filter((r) => r.chosen)).toHaveLength(1)
      expect(placed?.placement?.explanation).toMatch(/DRS picks esxi-0\d/)
    })
  }
  it('enables the Supervisor and creates the namespace before any workload', () => {
    const firstOf = (seq: string) => run.steps.findIndex((s) => s.sequence === seq)
    expect(firstOf('supervisor')).toBe(0)
    expect(firstOf('namespace')).toBeGreaterThan(firstOf('supervisor'))
    expect(firstOf('pod')).toBeGreaterThan(firstOf('namespace'))
    expect(run.summary.problems).toEqual([])
  })
  it('says where it assumes what the sources do not say', () => {
    expect(run.steps.some((s) => s.text.includes('(assumed)') || s.text.includes('assumed'))).toBe(true)
    expect(run.steps.find((s) => s.action === 'cp-configured')?.text).toContain('unverified')
  })
})
