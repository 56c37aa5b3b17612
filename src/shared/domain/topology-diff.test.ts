import { describe, expect, it } from 'vitest'

import { applyBatch } from './edits'
import { generateLargeLab } from './large-lab'
import { applyTopologyDiff, diffTopology } from './topology-diff'
import type { Topology } from './topology'

const lab = (): Topology => generateLargeLab({ hosts: 64, namespaces: 50, pods: 20_000 }).topology

describe('topology diffs', () => {
  it('carries one node for a one-node edit of a 20,000-object lab', () => {
    const before = lab()
    expect(before.nodes.length).toBeGreaterThan(20_000)
    const node = before.nodes[100]!
    const after = applyBatch(before, {
      label: 'Move',
      edits: [{ type: 'moveNodes', moves: [{ id: node.id, from: node.position, to: { x: 1, y: 2 } }] }],
    })
    const diff = diffTopology(before, after)
    expect(diff.nodes.map((n) => n.id)).toEqual([node.id])
    expect(diff.removedNodes).toEqual([])
    expect(JSON.stringify(diff).length).toBeLessThan(2_000)
    expect(applyTopologyDiff(before, diff)).toEqual(after)
  })

  it('turns the old topology into the new one across adds, removes, renames and links', () => {
    const before = lab()
    const [a, b] = [before.nodes.find((n) => n.kind === 'pod')!, before.nodes.at(-1)!]
    const added = { ...a, id: 'zz-new', name: 'new-pod' }
    const after: Topology = {
      nodes: [...before.nodes.filter((n) => n.id !== b.id || n.kind !== 'pod'), added]
        .map((n) => (n.id === a.id ? { ...n, name: 'renamed' } : n))
        .sort((x, y) => (x.id < y.id ? -1 : 1)),
      links: before.links.slice(1),
    }
    const diff = diffTopology(before, after)
    const patched = applyTopologyDiff(before, diff)
    expect(patched).toEqual(after)
    // Untouched nodes stay the same objects, so per-node views need no rebuild.
    const untouched = before.nodes.find((n) => n.id !== a.id && n.id !== b.id)!
    expect(patched.nodes.find((n) => n.id === untouched.id)).toBe(untouched)
  })
})
