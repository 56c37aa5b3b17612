import { describe, expect, it } from 'vitest'

import {
  connectBatch,
  disconnectBatch,
  moveNodesBatch,
  renameBatch,
  reparentBatch,
  setSpecBatch,
} from './edit-builders'
import { applyBatch, invertBatch } from './edits'
import type { Topology } from './topology'

const topology: Topology = {
  nodes: [
    { id: 'a', kind: 'vcenter', name: 'vc', parentId: null, position: { x: 0, y: 0 }, spec: {} },
    { id: 'b', kind: 'cluster', name: 'cl', parentId: 'a', position: { x: 20, y: 50 }, spec: {} },
    { id: 'c', kind: 'cluster', name: 'cl2', parentId: 'a', position: { x: 300, y: 50 }, spec: {} },
    { id: 'h', kind: 'host', name: 'esxi', parentId: 'b', position: { x: 20, y: 50 }, spec: {} },
    { id: 's', kind: 'supervisor', name: 'sv', parentId: null, position: { x: 0, y: 400 }, spec: {} },
  ],
  links: [],
}

const roundTrip = (batch: ReturnType<typeof moveNodesBatch>) => {
  if (!batch) throw new Error('expected a batch')
  const after = applyBatch(topology, batch)
  expect(applyBatch(after, invertBatch(batch))).toEqual(topology)
  return after
}

describe('edit builders', () => {
  it('move, reparent, setSpec, rename, connect and disconnect each undo exactly', () => {
    roundTrip(moveNodesBatch(topology, [{ id: 'h', to: { x: 60, y: 70 } }]))
    const moved = roundTrip(reparentBatch(topology, 'h', 'c', { x: 10, y: 50 }))
    expect(moved.nodes.find((n) => n.id === 'h')?.parentId).toBe('c')
    roundTrip(setSpecBatch(topology, 'h', { cpuCores: 8 }))
    roundTrip(renameBatch(topology, 'h', 'esxi-9'))
    const link = { id: 'l', kind: 'supervisor-cluster' as const, source: 's', target: 'b' }
    const bound = roundTrip(connectBatch(topology, link))
    const unbind = disconnectBatch(bound, ['l'])
    expect(unbind && applyBatch(bound, unbind).links).toEqual([])
  })

  it('returns null when nothing would change, so no empty undo step is recorded', () => {
    expect(moveNodesBatch(topology, [{ id: 'h', to: { x: 20, y: 50 } }])).toBeNull()
    expect(setSpecBatch(topology, 'h', {})).toBeNull()
    expect(renameBatch(topology, 'h', 'esxi')).toBeNull()
    expect(disconnectBatch(topology, ['nope'])).toBeNull()
  })
})
