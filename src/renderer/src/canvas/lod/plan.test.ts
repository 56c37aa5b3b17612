import { describe, expect, it } from 'vitest'

import { defaultSpec } from '../../../../shared/domain/specs'
import { indexTopology, type LabNode, type Topology } from '../../../../shared/domain/topology'
import { LARGE_MEMBERS } from '../../../../shared/domain/layout/member-grid'
import { EXPANDED_MEMBERS_LIMIT, planLod } from './plan'

const node = (id: string, kind: LabNode['kind'], parentId: string | null, name = id): LabNode => ({
  id,
  kind,
  name,
  parentId,
  position: { x: 20, y: 50 },
  spec: defaultSpec(kind),
})

function lab(podsPerNamespace: number[]): Topology {
  const nodes = [node('sv', 'supervisor', null)]
  podsPerNamespace.forEach((count, n) => {
    nodes.push(node(`ns-${n}`, 'namespace', 'sv'))
    for (let i = count; i >= 1; i--) nodes.push(node(`ns-${n}-p${i}`, 'pod', `ns-${n}`, `fn-${i}`))
  })
  return { nodes, links: [] }
}

const none = { collapsed: new Set<string>(), expanded: new Set<string>() }

describe('planLod', () => {
  it('takes over only namespaces of more than LARGE_MEMBERS members', () => {
    const plan = planLod(indexTopology(lab([LARGE_MEMBERS, LARGE_MEMBERS + 1])), none)
    expect([...plan.containers.keys()]).toEqual(['ns-1'])
    expect(plan.containerOf.get('ns-1-p3')).toBe('ns-1')
    expect(plan.containerOf.has('ns-0-p3')).toBe(false)
  })

  it('orders members by name with numbers compared as numbers', () => {
    const plan = planLod(indexTopology(lab([50])), none)
    const names = plan.containers.get('ns-0')!.members.map((m) => m.name)
    expect(names.slice(0, 3)).toEqual(['fn-1', 'fn-2', 'fn-3'])
    expect(names.at(-1)).toBe('fn-50')
  })

  it('opens large containers expanded in a modest lab, summarised in a huge one unless opened', () => {
    const modest = planLod(indexTopology(lab([200])), none)
    expect(modest.summariseByDefault).toBe(false)
    expect(modest.containers.get('ns-0')!.collapsed).toBe(false)
    const stored = planLod(indexTopology(lab([200])), { ...none, collapsed: new Set(['ns-0']) })
    expect(stored.containers.get('ns-0')!.collapsed).toBe(true)

    const per = Math.ceil((EXPANDED_MEMBERS_LIMIT + 1) / 4)
    const huge = lab([per, per, per, per])
    const summarised = planLod(indexTopology(huge), none)
    expect(summarised.summariseByDefault).toBe(true)
    expect([...summarised.containers.values()].every((c) => c.collapsed)).toBe(true)
    const opened = planLod(indexTopology(huge), { ...none, expanded: new Set(['ns-2']) })
    expect(opened.containers.get('ns-2')!.collapsed).toBe(false)
    expect(opened.containers.get('ns-1')!.collapsed).toBe(true)
  })
})
