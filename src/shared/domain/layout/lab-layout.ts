import { derivedObjects } from '../derived-objects'
import { indexTopology, type LabNode, type Topology, type TopologyIndex } from '../topology'
import {
  CHIP,
  GROUP,
  GROUP_KINDS,
  ROOT_GAP,
  SIBLING_CLEARANCE,
  SIBLING_GAP,
  cardSize,
  chipSize,
  collapsedSize,
  headerWidth,
  type Size,
} from './lab-sizes'
import { gridExtent, gridOf, isLargeContainer, SUMMARY_CARD, type Grid } from './member-grid'
import { settleSiblings, type Box } from './settle'

export interface LabLayoutOptions {
  /** Containers drawn collapsed: header only, children hidden. */
  collapsed?: ReadonlySet<string>
  /** Objects just added: they move out of the way, not the ones already there. */
  late?: ReadonlySet<string>
  /** The topology's index, when the caller has it already (a 20,000-PodVM lab's takes a while). */
  index?: TopologyIndex
}

export interface LabLayout {
  /** Each node's box: position relative to its parent (as the lab stores it), size as drawn. */
  boxes: Map<string, Box>
  /** The read-only chips of each container, in `derivedObjects` order, relative to it. */
  chips: Map<string, Box[]>
  /** Nodes whose name does not fit even at their largest size (cut, with a tooltip). */
  clipped: Set<string>
  /**
   * Large containers (`isLargeContainer`) and their grids: their members get no box here, the
   * grid places them (`cellPosition`, in the canvas's grid order).
   */
  grids: Map<string, Grid>
}

/**
 * Where every object of the lab is drawn, such that no two siblings overlap and every child
 * lies inside its parent, below the header: containers grow around their children, and a
 * child that would overlap a sibling moves right or down past it (`settleSiblings`), which
 * makes its container grow and in turn push the container's own siblings. Objects already
 * apart keep their stored positions, so laying out a laid-out lab changes nothing.
 */
export function layoutLab(topology: Topology, options: LabLayoutOptions = {}): LabLayout {
  const collapsed = options.collapsed ?? new Set<string>()
  const late = options.late ?? new Set<string>()
  const index = options.index ?? indexTopology(topology)
  const derived = derivedObjects(topology)
  const out: LabLayout = { boxes: new Map(), chips: new Map(), clipped: new Set(), grids: new Map() }

  /** Lays out a node's subtree; returns its size. */
  const place = (node: LabNode): Size => {
    if (!GROUP_KINDS.has(node.kind)) {
      // A card holds no children; one that has some anyway (a hand-written file) still gets
      // them a place, so every node has a box.
      settle(index.children.get(node.id) ?? [], { x: GROUP.left, y: GROUP.top }, SIBLING_GAP)
      const card = cardSize(node)
      if (card.clipped) out.clipped.add(node.id)
      return card
    }
    const children = index.children.get(node.id) ?? []
    const grid = isLargeContainer(node.kind, children.length) ? gridOf(children.length) : null
    if (grid) out.grids.set(node.id, grid)
    // A large container's members are tiles of its grid, not boxes to settle.
    const settled = grid
      ? [{ x: 0, y: 0, ...gridExtent(grid) }]
      : settle(children, { x: GROUP.left, y: GROUP.top }, SIBLING_GAP)
    const chips = (derived.get(node.id) ?? []).map((d) => {
      const chip = chipSize(d.name)
      if (chip.clipped) out.clipped.add(d.id)
      return chip
    })
    let width = Math.max(GROUP.minWidth, headerWidth(node), chipsWidth(chips))
    let height: number = GROUP.minHeight
    for (const b of settled) {
      width = Math.max(width, b.x + b.width + GROUP.right)
      height = Math.max(height, b.y + b.height + GROUP.bottom)
    }
    if (chips.length > 0) {
      let x = GROUP.left
      out.chips.set(
        node.id,
        chips.map(({ width: w, height: h }) => {
          const box = { x, y: height, width: w, height: h }
          x += w + CHIP.gap
          return box
        }),
      )
      height += GROUP.strip
    }
    // Collapsed, the chips keep their boxes (sized up front for when it opens) but hide.
    if (collapsed.has(node.id) && grid)
      return { width: Math.max(SUMMARY_CARD.width, collapsedSize(node).width), height: SUMMARY_CARD.height }
    if (collapsed.has(node.id)) return collapsedSize(node)
    return { width, height }
  }

  /** Lays out siblings' subtrees, then moves siblings apart; returns their boxes. */
  const settle = (siblings: readonly LabNode[], min: { x: number; y: number } | undefined, gap: number) => {
    const items = siblings.map((n) => ({ id: n.id, ...n.position, ...place(n), late: late.has(n.id) }))
    const at = settleSiblings(items, { clearance: SIBLING_CLEARANCE, gap, ...(min ? { min } : {}) })
    return items.map((item) => {
      const box = { ...item, ...at.get(item.id) }
      out.boxes.set(item.id, { x: box.x, y: box.y, width: box.width, height: box.height })
      return box
    })
  }

  settle(index.children.get(null) ?? [], undefined, ROOT_GAP)
  return out
}

const chipsWidth = (chips: readonly Size[]) =>
  chips.length === 0
    ? 0
    : GROUP.left + chips.reduce((sum, c) => sum + c.width, 0) + CHIP.gap * (chips.length - 1) + GROUP.right

/** Each visible node's absolute box (members of a collapsed or large container have none). */
export function absoluteBoxes(
  topology: Topology,
  layout: LabLayout,
  collapsed: ReadonlySet<string> = new Set(),
): Map<string, Box> {
  const index = indexTopology(topology)
  const out = new Map<string, Box>()
  const visit = (node: LabNode, origin: { x: number; y: number }) => {
    const box = layout.boxes.get(node.id)
    if (!box) return
    const abs = { ...box, x: origin.x + box.x, y: origin.y + box.y }
    out.set(node.id, abs)
    if (collapsed.has(node.id)) return
    for (const child of index.children.get(node.id) ?? []) visit(child, abs)
  }
  for (const root of index.children.get(null) ?? []) visit(root, { x: 0, y: 0 })
  return out
}
