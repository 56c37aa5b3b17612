import { indexTopology, type Topology } from '../topology'
import { GROUP, SIBLING_CLEARANCE } from './lab-sizes'
import type { LabLayout } from './lab-layout'
import { touches, type Box } from './settle'

/**
 * Everything wrong with a layout, in words: siblings that touch, children outside their
 * container's body (below the header, inside the margins, above the read-only strip), chips
 * outside their container or over its children. Empty when the layout is tidy.
 * (The end-to-end suite checks the same on the drawn page: test/e2e/geometry.ts.)
 */
export function layoutProblems(
  topology: Topology,
  layout: LabLayout,
  collapsed: ReadonlySet<string> = new Set(),
): string[] {
  const index = indexTopology(topology)
  const problems: string[] = []
  const box = (id: string): Box => {
    const b = layout.boxes.get(id)
    if (!b) throw new Error(`${id} has no box`)
    return b
  }
  for (const [parentId, children] of index.children) {
    // A large container's members are tiles of its grid, apart by construction (member-grid.ts).
    if (parentId !== null && layout.grids.has(parentId)) continue
    const boxes = children.map((c) => ({ id: c.id, ...box(c.id) }))
    for (let i = 0; i < boxes.length; i++)
      for (let j = i + 1; j < boxes.length; j++) {
        const a = boxes[i]!
        const b = boxes[j]!
        if (touches(a, b, SIBLING_CLEARANCE - 0.001)) problems.push(`${a.id} touches ${b.id}`)
      }
    // A collapsed container hides its children: they are tidy for when it opens, not inside it.
    if (parentId === null || collapsed.has(parentId)) continue
    const parent = box(parentId)
    const chips = layout.chips.get(parentId) ?? []
    const bodyBottom = parent.height - (chips.length > 0 ? GROUP.strip : 0)
    for (const c of boxes)
      if (c.x < GROUP.left || c.y < GROUP.top || c.x + c.width > parent.width || c.y + c.height > bodyBottom)
        problems.push(`${c.id} is not inside ${parentId}`)
    for (const chip of chips)
      if (chip.x < 0 || chip.x + chip.width > parent.width || chip.y + chip.height > parent.height)
        problems.push(`a chip of ${parentId} is not inside it`)
      else if (boxes.some((c) => touches(c, chip, 0))) problems.push(`a chip of ${parentId} covers a child`)
  }
  return problems
}
