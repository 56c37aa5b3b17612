import fc from 'fast-check'
import { describe, expect, it } from 'vitest'

import { applyBatch, type EditBatch } from '../edits'
import { ALLOWED_PARENTS, PLACEABLE_KINDS, type PlaceableKind } from '../kinds'
import { defaultSpec } from '../specs'
import { subtree, indexTopology, type LabNode, type Topology } from '../topology'
import { duplicateSubtreesBatch } from '../commands'
import { CARD, GROUP } from './lab-sizes'
import { absoluteBoxes, layoutLab } from './lab-layout'
import { layoutProblems } from './layout-problems'
import { gridExtent, SUMMARY_CARD } from './member-grid'
import { settleBatch } from './settle-batch'

const node = (id: string, kind: LabNode['kind'], parentId: string | null, x: number, y: number): LabNode => ({
  id,
  kind,
  name: id,
  parentId,
  position: { x, y },
  spec: defaultSpec(kind),
})

const positionsOf = (t: Topology) => new Map(t.nodes.map((n) => [n.id, n.position]))
const storedIsDrawn = (t: Topology, collapsed?: ReadonlySet<string>) => {
  const layout = layoutLab(t, collapsed ? { collapsed } : {})
  return t.nodes.every((n) => {
    const b = layout.boxes.get(n.id)
    return b?.x === n.position.x && b.y === n.position.y
  })
}

describe('layoutLab', () => {
  it('pushes a grown Supervisor away from the vCenter it would cover, and a card off another', () => {
    const t: Topology = {
      nodes: [
        node('vc', 'vcenter', null, 0, 200),
        node('sv', 'supervisor', null, 0, 0),
        node('ns', 'namespace', 'sv', 20, 50),
        node('a', 'pod', 'ns', 20, 50),
        node('b', 'pod', 'ns', 30, 60),
      ],
      links: [],
    }
    const layout = layoutLab(t)
    expect(layoutProblems(t, layout)).toEqual([])
    const abs = absoluteBoxes(t, layout)
    const sv = abs.get('sv')!
    expect(abs.get('vc')!.y).toBeGreaterThanOrEqual(sv.y + sv.height)
    // The pod that came second in reading order made room; the first kept its place.
    expect(layout.boxes.get('a')).toMatchObject({ x: 20, y: GROUP.top })
  })

  it('lays a namespace of 200 pods out as a grid, sized around it, its siblings pushed clear', () => {
    const pods = Array.from({ length: 200 }, (_, i) => node(`p${i}`, 'pod', 'big', 20, 50))
    const t: Topology = {
      nodes: [
        node('sv', 'supervisor', null, 0, 0),
        node('big', 'namespace', 'sv', 20, 50),
        node('small', 'namespace', 'sv', 320, 50),
        node('q', 'pod', 'small', 20, 50),
        ...pods,
      ],
      links: [],
    }
    const layout = layoutLab(t)
    expect(layoutProblems(t, layout)).toEqual([])
    const grid = layout.grids.get('big')!
    expect(grid.count).toBe(200)
    // The grid places the members: they get no box to store, and an edit stores no moves for them.
    expect(layout.boxes.has('p0')).toBe(false)
    const { width, height } = gridExtent(grid)
    const big = layout.boxes.get('big')!
    expect(big.width).toBeGreaterThanOrEqual(width + GROUP.right)
    expect(big.height).toBeGreaterThanOrEqual(height + GROUP.bottom)
    // Readable at Fit: about twice as wide as tall, not a strip.
    expect(big.width / big.height).toBeGreaterThan(1.2)
    expect(big.width / big.height).toBeLessThan(3.5)
    const small = layout.boxes.get('small')!
    expect(small.x >= big.x + big.width || small.y >= big.y + big.height).toBe(true)
    const moved = settleBatch(t, {
      label: 'rename',
      edits: [{ type: 'rename', id: 'q', before: 'q', after: 'q2' }],
    })
    const movedIds = moved.edits.flatMap((e) => (e.type === 'moveNodes' ? e.moves.map((m) => m.id) : []))
    expect(movedIds.filter((id) => id.startsWith('p'))).toEqual([])
    // Collapsed, it is a summary card.
    const collapsed = layoutLab(t, { collapsed: new Set(['big']) })
    expect(collapsed.boxes.get('big')!.height).toBe(SUMMARY_CARD.height)
  })

  it('keeps a child below its container header even when stored above it', () => {
    const t: Topology = {
      nodes: [node('vc', 'vcenter', null, 0, 0), node('cl', 'cluster', 'vc', -40, -30)],
      links: [],
    }
    expect(layoutLab(t).boxes.get('cl')).toMatchObject({ x: GROUP.left, y: GROUP.top })
  })

  it('sizes a card from its name, and cuts only names longer than the widest card', () => {
    const short = layoutLab({
      nodes: [
        node('vc', 'vcenter', null, 0, 0),
        { ...node('p', 'storage-policy', 'vc', 20, 60), name: 'gold' },
      ],
      links: [],
    })
    expect(short.boxes.get('p')!.width).toBe(CARD.minWidth)
    const long = {
      ...node('p', 'storage-policy', 'vc', 20, 60),
      name: 'gold-ftt2-encrypted-stretched-cluster-policy',
    }
    const wide = layoutLab({ nodes: [node('vc', 'vcenter', null, 0, 0), long], links: [] })
    expect(wide.boxes.get('p')!.width).toBe(CARD.maxWidth)
    expect(wide.clipped.has('p')).toBe(true)
    const mid = { ...long, name: 'gold-ftt2-encrypted' }
    const fits = layoutLab({ nodes: [node('vc', 'vcenter', null, 0, 0), mid], links: [] })
    expect(fits.clipped.has('p')).toBe(false)
  })

  it('holds for any lab: no siblings touch, children inside, and laying out twice changes nothing', () => {
    fc.assert(
      fc.property(arbitraryLab(), fc.array(fc.nat(), { maxLength: 4 }), (t, picks) => {
        const groups = t.nodes.filter((n) =>
          ['vcenter', 'cluster', 'supervisor', 'namespace'].includes(n.kind),
        )
        const collapsed = new Set(picks.map((p) => groups[p % Math.max(1, groups.length)]?.id ?? ''))
        const layout = layoutLab(t, { collapsed })
        expect(layoutProblems(t, layout, collapsed)).toEqual([])
        const settled: Topology = {
          ...t,
          nodes: t.nodes.map((n) => ({
            ...n,
            position: { x: layout.boxes.get(n.id)!.x, y: layout.boxes.get(n.id)!.y },
          })),
        }
        expect(storedIsDrawn(settled, collapsed)).toBe(true)
      }),
      { numRuns: 200 },
    )
  })
})

describe('settleBatch', () => {
  it('after any sequence of edits, the stored lab is what is drawn and nothing overlaps', () => {
    fc.assert(
      fc.property(fc.array(arbitraryEdit(), { minLength: 1, maxLength: 25 }), (ops) => {
        let t: Topology = { nodes: [], links: [] }
        let counter = 0
        for (const op of ops) {
          const batch = toBatch(op, t, () => `n${++counter}`)
          if (!batch) continue
          t = applyBatch(t, settleBatch(t, batch))
          expect(layoutProblems(t, layoutLab(t))).toEqual([])
          expect(storedIsDrawn(t)).toBe(true)
        }
      }),
      { numRuns: 150 },
    )
  })

  it('puts what it adds straight where it overlaps nothing; a grown container pushes siblings in one move', () => {
    const t: Topology = {
      nodes: [
        node('vc', 'vcenter', null, 0, 0),
        node('cl', 'cluster', 'vc', 20, 60),
        node('sp', 'storage-policy', 'vc', 20, 200),
      ],
      links: [],
    }
    const onTop: EditBatch = {
      label: 'Add',
      edits: [{ type: 'addNodes', nodes: [node('lib', 'content-library', 'vc', 20, 60)], links: [] }],
    }
    const settled = settleBatch(t, onTop)
    expect(settled.edits.map((e) => e.type)).toEqual(['addNodes'])
    // The cluster was there first and stays; the new library made room.
    expect(positionsOf(applyBatch(t, settled)).get('cl')).toEqual({ x: 20, y: 60 })
    const apart: EditBatch = {
      label: 'Add',
      edits: [{ type: 'addNodes', nodes: [node('lib', 'content-library', 'vc', 20, 400)], links: [] }],
    }
    expect(settleBatch(t, apart)).toBe(apart)
    // A host in the cluster makes it taller: the policy below it moves down, in the same batch.
    const host: EditBatch = {
      label: 'Add',
      edits: [{ type: 'addNodes', nodes: [node('h', 'host', 'cl', 20, 50)], links: [] }],
    }
    const grown = settleBatch(t, host)
    expect(grown.edits.map((e) => e.type)).toEqual(['addNodes', 'moveNodes'])
    const after = applyBatch(t, grown)
    expect(layoutProblems(after, layoutLab(after))).toEqual([])
    expect(positionsOf(after).get('sp')!.y).toBeGreaterThan(200)
  })
})

type Op =
  | { type: 'add'; kind: PlaceableKind; parent: number; x: number; y: number }
  | { type: 'move'; pick: number; x: number; y: number }
  | { type: 'delete'; pick: number }
  | { type: 'duplicate'; pick: number }
  | { type: 'rename'; pick: number; length: number }

const coord = fc.integer({ min: -200, max: 900 })

function arbitraryEdit(): fc.Arbitrary<Op> {
  return fc.oneof(
    {
      weight: 5,
      arbitrary: fc.record({
        type: fc.constant('add' as const),
        kind: fc.constantFrom(...PLACEABLE_KINDS),
        parent: fc.nat(),
        x: coord,
        y: coord,
      }),
    },
    {
      weight: 2,
      arbitrary: fc.record({ type: fc.constant('move' as const), pick: fc.nat(), x: coord, y: coord }),
    },
    { weight: 1, arbitrary: fc.record({ type: fc.constant('delete' as const), pick: fc.nat() }) },
    { weight: 1, arbitrary: fc.record({ type: fc.constant('duplicate' as const), pick: fc.nat() }) },
    {
      weight: 1,
      arbitrary: fc.record({
        type: fc.constant('rename' as const),
        pick: fc.nat(),
        length: fc.integer({ min: 1, max: 60 }),
      }),
    },
  )
}

function toBatch(op: Op, t: Topology, newId: () => string): EditBatch | null {
  const pick = (i: number) => t.nodes[i % Math.max(1, t.nodes.length)]
  switch (op.type) {
    case 'add': {
      const allowed = ALLOWED_PARENTS[op.kind]
      const parents = t.nodes.filter((n) => allowed.includes(n.kind))
      const parent = parents.length > 0 ? parents[op.parent % parents.length] : undefined
      if (!parent && !allowed.includes(null)) return null
      const added = node(newId(), op.kind, parent?.id ?? null, op.x, op.y)
      return { label: 'Add', edits: [{ type: 'addNodes', nodes: [added], links: [] }] }
    }
    case 'move': {
      const n = pick(op.pick)
      return n
        ? {
            label: 'Move',
            edits: [{ type: 'moveNodes', moves: [{ id: n.id, from: n.position, to: { x: op.x, y: op.y } }] }],
          }
        : null
    }
    case 'delete': {
      const n = pick(op.pick)
      if (!n) return null
      const gone = subtree(indexTopology(t), n.id)
      return { label: 'Delete', edits: [{ type: 'removeNodes', nodes: gone, links: [] }] }
    }
    case 'duplicate': {
      const n = pick(op.pick)
      return n ? duplicateSubtreesBatch(t, [n.id], () => newId()) : null
    }
    case 'rename': {
      const n = pick(op.pick)
      return n
        ? {
            label: 'Rename',
            edits: [{ type: 'rename', id: n.id, before: n.name, after: 'w'.repeat(op.length) }],
          }
        : null
    }
  }
}

/** A lab of up to 40 objects, each in a parent its kind allows, at any position, overlapping or not. */
function arbitraryLab(): fc.Arbitrary<Topology> {
  const entry = fc.record({
    kind: fc.constantFrom(...PLACEABLE_KINDS),
    parent: fc.nat(),
    x: coord,
    y: coord,
    name: fc.integer({ min: 1, max: 50 }),
  })
  return fc.array(entry, { maxLength: 40 }).map((entries) => {
    const nodes: LabNode[] = []
    entries.forEach((e, i) => {
      const allowed = ALLOWED_PARENTS[e.kind]
      const parents = nodes.filter((n) => allowed.includes(n.kind))
      const parent = parents.length > 0 ? parents[e.parent % parents.length] : undefined
      if (!parent && !allowed.includes(null)) return
      nodes.push({ ...node(`n${i}`, e.kind, parent?.id ?? null, e.x, e.y), name: 'm'.repeat(e.name) })
    })
    return { nodes, links: [] }
  })
}
