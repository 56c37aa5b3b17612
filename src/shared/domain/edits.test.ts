import { describe, expect, it } from 'vitest'

import { addNodeBatch, deleteSubtreesBatch, duplicateSubtreesBatch } from './commands'
import { applyBatch, applyEdit, EditError, invertBatch, invertEdit, type Edit } from './edits'
import type { Topology } from './topology'
import { sampleLab } from '../../../test/support/samples'

const topology: Topology = sampleLab('demo').topology

const sampleEdits: Edit[] = [
  { type: 'moveNodes', moves: [{ id: 'host-1', from: { x: 20, y: 50 }, to: { x: 300, y: 90 } }] },
  { type: 'rename', id: 'ns-1', before: 'finance', after: 'payments' },
  {
    type: 'setSpec',
    id: 'host-2',
    before: topology.nodes.find((n) => n.id === 'host-2')?.spec ?? {},
    after: { cpuCores: 8 },
  },
  {
    type: 'reparent',
    id: 'pod-1',
    from: { parentId: 'ns-1', position: { x: 20, y: 50 } },
    to: { parentId: 'sv-1', position: { x: 5, y: 5 } },
  },
  { type: 'disconnect', link: topology.links[0]! },
  { type: 'connect', link: { id: 'l-2', kind: 'supervisor-cluster', source: 'sv-1', target: 'cl-1' } },
  addNodeBatch('host', 'esxi-09', 'cl-1', { x: 0, y: 0 }, 'host-9').edits[0]!,
  deleteSubtreesBatch(topology, ['ns-1'])!.edits[0]!,
]

describe('edits', () => {
  it.each(sampleEdits.map((e) => [e.type, e] as const))(
    '%s then its inverse gives back the same topology',
    (_type, edit) => {
      const after = applyEdit(topology, edit)
      expect(after).not.toEqual(topology)
      expect(applyEdit(after, invertEdit(edit))).toEqual(topology)
    },
  )

  it('never mutates the topology it is given', () => {
    const frozen = JSON.stringify(topology)
    for (const edit of sampleEdits) applyEdit(topology, edit)
    expect(JSON.stringify(topology)).toBe(frozen)
  })

  it('deletes a namespace with all its workloads as one undoable batch', () => {
    const batch = deleteSubtreesBatch(topology, ['ns-1'])!
    const after = applyBatch(topology, batch)
    expect(after.nodes.map((n) => n.id)).not.toContain('pod-1')
    expect(after.nodes.some((n) => n.parentId === 'ns-1')).toBe(false)
    expect(applyBatch(after, invertBatch(batch))).toEqual(topology)
  })

  it('deleting a cluster also removes the Supervisor link that points at it', () => {
    const batch = deleteSubtreesBatch(topology, ['cl-1'])!
    expect(applyBatch(topology, batch).links).toEqual([])
  })

  it('duplicates a namespace with its workloads under new ids and names', () => {
    let n = 0
    const batch = duplicateSubtreesBatch(topology, ['ns-1'], () => `copy-${++n}`)!
    const after = applyBatch(topology, batch)
    const copies = after.nodes.filter((node) => node.id.startsWith('copy-'))
    expect(copies).toHaveLength(5)
    const root = copies.find((c) => c.kind === 'namespace')!
    expect(root.name).toBe('finance-copy')
    expect(root.parentId).toBe('sv-1')
    expect(copies.filter((c) => c.parentId === root.id)).toHaveLength(4)
    expect(applyBatch(after, invertBatch(batch))).toEqual(topology)
  })

  it('refuses edits that do not fit, naming the node', () => {
    expect(() => applyEdit(topology, { type: 'rename', id: 'nope', before: 'a', after: 'b' })).toThrow(
      EditError,
    )
    expect(() =>
      applyEdit(topology, addNodeBatch('host', 'x', 'missing', { x: 0, y: 0 }, 'h').edits[0]!),
    ).toThrow(/missing/)
    expect(() =>
      applyEdit(topology, {
        type: 'removeNodes',
        nodes: topology.nodes.filter((n) => n.id === 'ns-1'),
        links: [],
      }),
    ).toThrow(/orphan/)
    expect(() =>
      applyEdit(topology, {
        type: 'reparent',
        id: 'sv-1',
        from: { parentId: null, position: { x: 0, y: 0 } },
        to: { parentId: 'ns-1', position: { x: 0, y: 0 } },
      }),
    ).toThrow(/own subtree/)
  })
})
