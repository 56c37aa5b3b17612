import { describe, expect, it } from 'vitest'

import { indexTopology } from '../../../shared/domain/topology'
import { loadDemo } from './test-demo'
import { formatClock, seqAtTime } from './derive'
import { filterSteps, objectMenu, rowAtOrBefore } from './filter-steps'
import { firstOfKindMap, highlightOf, layerOf } from './lane-map'

describe('playback helpers', () => {
  it('formats the simulated clock as T+mm:ss.s', () => {
    expect(formatClock(0)).toBe('T+00:00.0')
    expect(formatClock(61_250)).toBe('T+01:01.2')
  })

  it('finds the step reached at a simulated time', () => {
    expect(seqAtTime([0, 10, 10, 30], 10)).toBe(3)
    expect(seqAtTime([0, 10, 30], 5)).toBe(1)
    expect(rowAtOrBefore([2, 5, 9], 6)).toBe(1)
  })

  it('sorts lanes into layers', () => {
    expect(layerOf('kube-scheduler')).toBe('Kubernetes')
    expect(layerOf('spherelet:host-1')).toBe('Kubernetes')
    expect(layerOf('hostd:host-1')).toBe('vSphere')
    expect(layerOf('api-vip-lb')).toBe('NSX')
    expect(layerOf('cns')).toBe('Storage')
    expect(layerOf('nsx-agent:host-1')).toBe('NSX')
    expect(layerOf('ncp')).toBe('NSX')
  })

  it('filters one pod and maps its lanes onto canvas objects', () => {
    const { topology, run } = loadDemo()
    const rows = filterSteps(run.steps, { layer: '', actor: '', object: 'pod-1', failuresOnly: false })
    const seeds = rows.map((i) => run.steps[i]!.seedStep).filter((s) => s !== null)
    expect([...new Set(seeds)]).toEqual([1, 2, 3, 4, 5, 6, 7])
    const index = indexTopology(topology)
    const crx = run.steps[rows.find((i) => run.steps[i]!.action === 'crx-create')!]!
    const h = highlightOf(crx, index, firstOfKindMap(index))
    expect(h.actor).toBe('vc-1')
    expect(h.target).toMatch(/^host-\d$/)
    expect(h.object).toBe('pod-1')
  })
})

describe('the object filter menu', () => {
  const objects = Array.from({ length: 2000 }, (_, i) => `pod-${String(i).padStart(4, '0')}`)

  it('offers the selected object first when the menu would cut it', () => {
    const menu = objectMenu(objects, 'pod-1731', 500)
    expect(menu).toHaveLength(500)
    expect(menu[0]).toBe('pod-1731')
  })

  it('leaves the menu as it is when the selection is listed already or has no steps', () => {
    expect(objectMenu(objects, 'pod-0003', 500)).toEqual(objects.slice(0, 500))
    expect(objectMenu(objects, 'vc-1', 500)).toEqual(objects.slice(0, 500))
    expect(objectMenu(objects, null, 500)).toEqual(objects.slice(0, 500))
  })
})
