import { describe, expect, it } from 'vitest'

import { generateLargeLab } from '../../../../shared/domain/large-lab'
import { toFlow } from '../to-flow'
import { topologyIndex } from '../topology-index'
import { keepUnchanged } from './keep-unchanged'
import { planLod } from './plan'
import { withLodGroups } from './use-lod'

const topology = generateLargeLab({ hosts: 64, namespaces: 50, pods: 20_000 }).topology
const none = new Map()

function draw(expanded: string[]) {
  const plan = planLod(topologyIndex(topology), { collapsed: new Set(), expanded: new Set(expanded) })
  const collapsed = new Set([...plan.containers.values()].filter((c) => c.collapsed).map((c) => c.id))
  const flow = toFlow(topology, { collapsed, problems: none, selection: new Set() })
  return withLodGroups(flow.nodes, plan, none)
}

describe('keepUnchanged', () => {
  it('keeps every node of a redraw that changed nothing', () => {
    const before = draw([])
    const after = keepUnchanged(before, draw([]))
    expect(after.every((n, i) => n === before[i])).toBe(true)
  })

  it('gives new objects only to what opening a namespace changed: it, the Supervisor, the siblings moved', () => {
    const before = draw([])
    const after = keepUnchanged(before, draw(['ns-44']))
    const changed = after.filter((n) => !before.includes(n)).map((n) => n.id)
    expect(changed).toContain('ns-44')
    expect(changed).toContain('sv-1')
    expect(
      changed.every(
        (id) => id === 'sv-1' || id.startsWith('ns-4') || id.startsWith('ns-50') || id.startsWith('derived:'),
      ),
    ).toBe(true)
    expect(changed.length).toBeLessThan(30)
    expect(after.filter((n) => n.data.node.kind === 'host').every((n) => before.includes(n))).toBe(true)
  })
})
