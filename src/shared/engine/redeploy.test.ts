import { describe, expect, it } from 'vitest'

import { sampleLab } from '../../../test/support/samples'
import { parseLabDocument } from '../domain/lab-document'
import { createCursor } from './cursor'
import { plan } from './plan'
import { initialState } from './state'
import type { DeployedState } from './types'

const demo = sampleLab('demo')
const topology = demo.topology
const first = plan(topology, undefined, 1)
const deployed: DeployedState = {
  topology,
  state: createCursor(first, initialState(topology)).stateAt(first.steps.length),
}

describe('runs against what is already deployed', () => {
  it('does nothing when nothing changed', () => {
    expect(plan(topology, deployed, 1).steps).toEqual([])
  })
  it('tears down what the topology removes and gives its resources back', () => {
    const without = { ...topology, nodes: topology.nodes.filter((n) => n.id !== 'pod-2' && n.id !== 'vm-1') }
    const run = plan(without, deployed, 1)
    expect(new Set(run.steps.map((s) => s.sequence))).toEqual(new Set(['delete']))
    const end = createCursor(run, initialState(without, deployed)).stateAt(run.steps.length)
    expect(end.objects['pod-2']?.['status']).toBe('Deleted')
    expect(end.objects['vm-1']?.['status']).toBe('Deleted')
    expect(end.namespaces['ns-1']?.['pods']).toBe(1)
    const host = String(deployed.state.objects['vm-1']?.['host'])
    expect(end.hosts[host]?.['reservedCpuMhz']).toBe(
      Number(deployed.state.hosts[host]?.['reservedCpuMhz']) -
        Number(deployed.state.objects['vm-1']?.['holdCpuMhz']) -
        Number(deployed.state.objects['pod-2']?.['holdCpuMhz']),
    )
  })
  it('removing the whole Supervisor deletes workloads, then the namespace, then disables it', () => {
    const bare = {
      nodes: topology.nodes.filter(
        (n) => !['sv-1', 'ns-1', 'pod-1', 'pod-2', 'vm-1', 'tkc-1'].includes(n.id),
      ),
      links: [],
    }
    const run = plan(bare, deployed, 1)
    const order = run.steps.map((s) => s.object)
    expect(order.indexOf('ns-1')).toBeGreaterThan(order.lastIndexOf('tkc-1'))
    expect(order.lastIndexOf('sv-1')).toBe(order.length - 1)
    const end = createCursor(run, initialState(bare, deployed)).stateAt(run.steps.length)
    for (const h of Object.values(end.hosts)) {
      expect(h['reservedCpuMhz']).toBe(0)
      expect(h['reservedMemoryMiB']).toBe(0)
      expect(h['podCpuMillis']).toBe(0)
    }
    expect(Object.values(end.pools).every((p) => p['used'] === 0)).toBe(true)
  })
  it('adds only what is new', () => {
    const more = parseLabDocument(
      {
        ...demo,
        topology: {
          ...demo.topology,
          nodes: [
            ...demo.topology.nodes,
            {
              id: 'pod-3',
              kind: 'pod',
              name: 'fn-extra',
              parentId: 'ns-1',
              position: { x: 0, y: 0 },
              spec: {},
            },
          ],
        },
      },
      'more',
    ).topology
    const run = plan(more, deployed, 1)
    expect(new Set(run.steps.map((s) => s.object))).toEqual(new Set(['pod-3']))
  })
})
