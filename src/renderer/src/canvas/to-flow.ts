import type { Edge, Node, NodeHandle } from '@xyflow/react'
import { Position as Side } from '@xyflow/react'

import type { Kind } from '../../../shared/domain/kinds'
import type { Problem } from '../../../shared/domain/problems'
import type { LabNode, Topology } from '../../../shared/domain/topology'
import { derivedObjects, hostHasSpherelet, type DerivedObject } from './derived'
import { collapsedSummary, nodeSummary } from './node-summary'
import { topologyIndex } from './topology-index'

/** Kinds drawn as groups that hold their children; every other kind is a card. */
export const GROUP_KINDS: ReadonlySet<Kind> = new Set(['vcenter', 'cluster', 'supervisor', 'namespace'])

export const CARD_SIZE = { width: 180, height: 60 } as const
export const CHIP_SIZE = { width: 170, height: 32 } as const
const GROUP_PAD = { right: 20, bottom: 20 } as const
const GROUP_MIN = { width: 240, height: 110 } as const
const COLLAPSED = { width: 260, height: 64 } as const
/** Derived objects sit in a strip along the bottom of their container. */
const STRIP = 44

export type Severity = Problem['severity']

export interface LabFlowData extends Record<string, unknown> {
  node: LabNode
  summary: string
  childCount: number
  collapsed: boolean
  /** Worst problem on this object, for the corner badge. */
  problem: Severity | null
  /** Set for platform-created objects: drawn greyed, never edited. */
  derived: DerivedObject | null
  spherelet: boolean
  status: string
}

export type LabFlowNode = Node<LabFlowData>

export interface Rect {
  x: number
  y: number
  width: number
  height: number
}

export interface FlowView {
  collapsed: ReadonlySet<string>
  problems: ReadonlyMap<string, Severity>
  selection: ReadonlySet<string>
  /** The level of detail (canvas/lod/), which draws the members of large containers itself. */
  lod?: LodHooks
}

type Size = { width: number; height: number }
type Point = { x: number; y: number }

/** How toFlow defers to the level of detail: it leaves out the members of the containers it sizes. */
export interface LodHooks {
  /** A large container's members box (expanded) or summary card (collapsed); undefined for others. */
  box(id: string, collapsed: boolean): Size | undefined
  /** New positions for the children of `parentId` that must move to make room, or null. */
  arrange(
    parentId: string,
    children: { id: string; position: Point; size: Size }[],
  ): ReadonlyMap<string, Point> | null
}

export const handlesFor = (width: number, height: number, group: boolean): NodeHandle[] => [
  {
    type: 'target',
    position: group ? Side.Bottom : Side.Top,
    x: width / 2 - 4,
    y: group ? height - 4 : -4,
    width: 8,
    height: 8,
  },
  {
    type: 'source',
    position: group ? Side.Top : Side.Bottom,
    x: width / 2 - 4,
    y: group ? -4 : height - 4,
    width: 8,
    height: 8,
  },
]

/**
 * Maps a topology to React Flow nodes and edges: parents before children, child positions
 * relative to the parent, group sizes fitted to their children. Every node gets its size (as
 * measured too) and handles up front so React Flow can skip measuring (DESIGN.md section 8): a
 * node mounted later, as a pan or a reveal brings it into view, costs no layout read. `rects` holds each
 * node's absolute box, for drop and reparent hit tests.
 */
export function toFlow(
  topology: Topology,
  view: FlowView,
): { nodes: LabFlowNode[]; edges: Edge[]; rects: Map<string, Rect> } {
  const index = topologyIndex(topology)
  const derived = derivedObjects(topology)
  const sizes = new Map<string, { width: number; height: number }>()
  const moved = new Map<string, Point>()
  const positionOf = (node: LabNode) => moved.get(node.id) ?? node.position
  const childrenOf = (node: LabNode) =>
    view.lod?.box(node.id, false) ? [] : (index.children.get(node.id) ?? [])
  const sizeOf = (node: LabNode): { width: number; height: number } => {
    const known = sizes.get(node.id)
    if (known) return known
    let size: { width: number; height: number } = CARD_SIZE
    if (GROUP_KINDS.has(node.kind) && view.collapsed.has(node.id))
      size = view.lod?.box(node.id, true) ?? COLLAPSED
    else if (GROUP_KINDS.has(node.kind)) {
      const chips = derived.get(node.id) ?? []
      const members = view.lod?.box(node.id, false) ?? { width: 0, height: 0 }
      let width: number = Math.max(
        GROUP_MIN.width,
        20 + chips.length * (CHIP_SIZE.width + 10),
        members.width + GROUP_PAD.right,
      )
      let height: number = Math.max(GROUP_MIN.height, members.height + GROUP_PAD.bottom)
      const children = childrenOf(node)
      const placed = children.map((c) => ({ id: c.id, position: c.position, size: sizeOf(c) }))
      view.lod?.arrange(node.id, placed)?.forEach((p, id) => moved.set(id, p))
      for (const child of children) {
        const c = sizeOf(child)
        width = Math.max(width, positionOf(child).x + c.width + GROUP_PAD.right)
        height = Math.max(height, positionOf(child).y + c.height + GROUP_PAD.bottom)
      }
      size = { width, height: height + (chips.length > 0 ? STRIP : 0) }
    }
    sizes.set(node.id, size)
    return size
  }

  const nodes: LabFlowNode[] = []
  const rects = new Map<string, Rect>()
  const visit = (node: LabNode, origin: { x: number; y: number }, hidden: boolean, depth: number) => {
    const size = sizeOf(node)
    const isGroup = GROUP_KINDS.has(node.kind)
    const collapsed = isGroup && view.collapsed.has(node.id)
    const children = childrenOf(node)
    const abs = { x: origin.x + positionOf(node).x, y: origin.y + positionOf(node).y }
    if (!hidden) rects.set(node.id, { ...abs, ...size })
    nodes.push({
      id: node.id,
      type: isGroup ? 'group-node' : 'card-node',
      position: positionOf(node),
      ...(node.parentId !== null ? { parentId: node.parentId } : {}),
      width: size.width,
      height: size.height,
      measured: { width: size.width, height: size.height },
      handles: handlesFor(size.width, size.height, isGroup),
      style: { width: size.width, height: size.height },
      hidden,
      selected: view.selection.has(node.id),
      data: {
        node,
        summary: collapsed ? collapsedSummary(node, index) : nodeSummary(node, index),
        childCount: index.children.get(node.id)?.length ?? 0,
        collapsed,
        problem: view.problems.get(node.id) ?? null,
        derived: null,
        spherelet: hostHasSpherelet(topology, index, node),
        status: 'idle',
      },
      zIndex: depth,
    })
    const chips = derived.get(node.id) ?? []
    chips.forEach((chip, i) => {
      const position = { x: 20 + i * (CHIP_SIZE.width + 10), y: size.height - STRIP + 4 }
      nodes.push(derivedNode(chip, position, hidden || collapsed, depth + 1, view.selection.has(chip.id)))
    })
    for (const child of children) visit(child, abs, hidden || collapsed, depth + 1)
  }
  for (const root of index.children.get(null) ?? []) visit(root, { x: 0, y: 0 }, false, 0)

  const edges: Edge[] = topology.links.map((link) => ({
    id: link.id,
    source: link.source,
    target: link.target,
    type: 'smoothstep',
    label: 'runs on',
    className: `edge-${link.kind}`,
    selected: view.selection.has(link.id),
    zIndex: 1000,
  }))
  return { nodes, edges, rects }
}

function derivedNode(
  chip: DerivedObject,
  position: { x: number; y: number },
  hidden: boolean,
  depth: number,
  selected: boolean,
): LabFlowNode {
  const node: LabNode = {
    id: chip.id,
    kind: chip.kind,
    name: chip.name,
    parentId: chip.parentId,
    position,
    spec: {},
  }
  return {
    id: chip.id,
    type: 'derived-node',
    position,
    parentId: chip.parentId,
    width: CHIP_SIZE.width,
    height: CHIP_SIZE.height,
    measured: { width: CHIP_SIZE.width, height: CHIP_SIZE.height },
    handles: handlesFor(CHIP_SIZE.width, CHIP_SIZE.height, false),
    style: { width: CHIP_SIZE.width, height: CHIP_SIZE.height },
    hidden,
    selected,
    draggable: false,
    deletable: false,
    connectable: false,
    data: {
      node,
      summary: 'created by the platform',
      childCount: 0,
      collapsed: false,
      problem: null,
      derived: chip,
      spherelet: false,
      status: 'idle',
    },
    zIndex: depth,
  }
}

/**
 * The flow with `selected` set from the selection; unchanged nodes and edges keep their
 * identity, and so do the lists when nothing changed (React Flow takes a new list as a change).
 */
export function withSelection<T extends { nodes: LabFlowNode[]; edges: Edge[] }>(
  flow: T,
  selection: readonly string[],
): T {
  const set = new Set(selection)
  const mark = <E extends { id: string; selected?: boolean }>(list: E[]): E[] => {
    let changed = false
    const out = list.map((x) => {
      if (Boolean(x.selected) === set.has(x.id)) return x
      changed = true
      return { ...x, selected: set.has(x.id) }
    })
    return changed ? out : list
  }
  return { ...flow, nodes: mark(flow.nodes), edges: mark(flow.edges) }
}
