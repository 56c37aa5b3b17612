import { describe, expect, it } from 'vitest'

import { toFlow } from '../../../src/renderer/src/canvas/to-flow'
import { sampleLab } from '../../support/samples'

const view = { collapsed: new Set<string>(), problems: new Map(), selection: new Set<string>() }

describe('the runs-on edge', () => {
  it("routes the demo lab's runs-on edge around the cards between the Supervisor and its cluster", () => {
    const demo = sampleLab('demo').topology
    const { edges, rects } = toFlow(demo, view)
    const route = (edges[0]?.data as { route: { x: number; y: number }[] | null }).route
    expect(route).not.toBeNull()
    const cards = demo.nodes.filter(
      (n) => !['vcenter', 'cluster', 'supervisor', 'namespace'].includes(n.kind),
    )
    for (let k = 1; k < route!.length; k++) {
      const [a, b] = [route![k - 1]!, route![k]!]
      for (const card of cards) {
        const r = rects.get(card.id)!
        const across =
          Math.min(a.x, b.x) < r.x + r.width &&
          Math.max(a.x, b.x) > r.x &&
          Math.min(a.y, b.y) < r.y + r.height &&
          Math.max(a.y, b.y) > r.y
        expect(across, `${card.name} is crossed`).toBe(false)
      }
    }
  })
})
