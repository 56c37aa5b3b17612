import type { Edge, Node, NodeHandle } from '@xyflow/react'
import { Position as Side } from '@xyflow/react'

import type { Problem } from '../../../shared/domain/problems'
import type { LabNode, Topology } from '../../../shared/domain/topology'
import { derivedObjects, hostHasSpherelet, type DerivedObject } from '../../../shared/domain/derived-objects'
import { linkRoutes, type DrawnBox } from './edge-routes'
import { collapsedSummary, nodeSummary } from './node-summary'
import { layoutLab } from '../../../shared/domain/layout/lab-layout'
import { GROUP_KINDS } from '../../../shared/domain/layout/lab-sizes'
import { topologyIndex } from './topology-index'

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
  /** The name does not fit even at the object's largest size: it is cut, with a tooltip. */
  nameClipped: boolean
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
  // Positions and sizes come from the layout, which keeps siblings apart and children inside.
  const layout = layoutLab(topology, { collapsed: view.collapsed, index })
  const boxOf = (id: string) => layout.boxes.get(id) ?? { x: 0, y: 0, width: 0, height: 0 }

  const nodes: LabFlowNode[] = []
  const rects = new Map<string, Rect>()
  /** Every drawn box, read-only chips too: what a link's route keeps clear of. */
  const drawn = new Map<string, DrawnBox>()
  const visit = (node: LabNode, origin: { x: number; y: number }, hidden: boolean, depth: number) => {
    const { x, y, ...size } = boxOf(node.id)
    const isGroup = GROUP_KINDS.has(node.kind)
    const collapsed = isGroup && view.collapsed.has(node.id)
    // A large container's members are its grid's tiles, drawn by the level of detail (canvas/lod/).
    const children = layout.grids.has(node.id) ? [] : (index.children.get(node.id) ?? [])
    const position = { x, y }
    const abs = { x: origin.x + x, y: origin.y + y }
    if (!hidden) rects.set(node.id, { ...abs, ...size })
    if (!hidden) drawn.set(node.id, { ...abs, ...size, parentId: node.parentId })
    nodes.push({
      id: node.id,
      type: isGroup ? 'group-node' : 'card-node',
      position,
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
        nameClipped: layout.clipped.has(node.id),
      },
      zIndex: depth,
    })
    const chips = layout.chips.get(node.id) ?? []
    ;(derived.get(node.id) ?? []).forEach((chip, i) => {
      const box = chips[i] ?? { x: 0, y: 0, width: 0, height: 0 }
      if (!hidden && !collapsed)
        drawn.set(chip.id, { ...box, x: abs.x + box.x, y: abs.y + box.y, parentId: node.id })
      const shown = derivedNode(chip, box, hidden || collapsed, depth + 1, view.selection.has(chip.id))
      shown.data.nameClipped = layout.clipped.has(chip.id)
      nodes.push(shown)
    })
    for (const child of children) visit(child, abs, hidden || collapsed, depth + 1)
  }
  for (const root of index.children.get(null) ?? []) visit(root, { x: 0, y: 0 }, false, 0)

  const routes = linkRoutes(topology.links, drawn, index)
  const edges: Edge[] = topology.links.map((link) => ({
    id: link.id,
    source: link.source,
    target: link.target,
    type: 'routed',
    data: { route: routes.get(link.id) ?? null },
    label: 'runs on',
    // Read by screen readers instead of React Flow's "Edge from <id> to <id>".
    ariaLabel: `${index.byId.get(link.source)?.name ?? 'Supervisor'} runs on ${index.byId.get(link.target)?.name ?? 'a cluster'}`,
    className: `edge-${link.kind}`,
    selected: view.selection.has(link.id),
    zIndex: 1000,
  }))
  return { nodes, edges, rects }
}

function derivedNode(
  chip: DerivedObject,
  { x, y, width, height }: Rect,
  hidden: boolean,
  depth: number,
  selected: boolean,
): LabFlowNode {
  const position = { x, y }
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
    width,
    height,
    measured: { width, height },
    handles: handlesFor(width, height, false),
    style: { width, height },
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
      nameClipped: false,
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
