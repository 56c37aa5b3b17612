import { useStore, type Edge, type ReactFlowState } from '@xyflow/react'
import { useCallback, useEffect, useMemo, useState } from 'react'

import type { LabNode, Topology } from '../../../../shared/domain/topology'
import type { LabFlowNode, Rect, Severity } from '../to-flow'
import { topologyIndex } from '../topology-index'
import { aggregateEdges } from './edges'
import { LOD_HOST_TYPE } from './LodHostNode'
import { LOD_GROUP_TYPE, type LodGroupData } from './LodGroupNode'
import { publishPlan, selectExpanded, useLodStore } from './lod-store'
import { windowsInView, type MemberWindow } from './materialise'
import { MemberNodes } from './member-nodes'
import { collapsedShown, planLod, type LodContainer, type LodPlan } from './plan'
import type { MemberProblems } from './SummaryBody'

/**
 * The level of detail for a topology: which containers are large, which show collapsed (the
 * stored collapsed groups, or this session's choice where large ones open summarised): the
 * collapsed set toFlow lays the lab out with.
 */
export function useLod(topology: Topology, collapsed: readonly string[]) {
  const expanded = useLodStore(selectExpanded)
  const index = topologyIndex(topology)
  const plan = useMemo(
    () => planLod(index, { collapsed: new Set(collapsed), expanded: new Set(expanded) }),
    [index, collapsed, expanded],
  )
  useEffect(() => publishPlan(plan), [plan])
  const shownCollapsed = useMemo(() => collapsedShown(plan, collapsed), [collapsed, plan])
  return useMemo(() => ({ plan, collapsed: shownCollapsed }), [plan, shownCollapsed])
}

/**
 * toFlow's nodes with large containers drawn by the level of detail (their summary and mosaic)
 * and, in a lab that has large containers, hosts that count their guests instead of listing them.
 */
export function withLodGroups(
  nodes: LabFlowNode[],
  plan: LodPlan,
  worst: ReadonlyMap<string, Severity>,
): LabFlowNode[] {
  if (plan.containers.size === 0) return nodes
  const lodHost = { containerOf: plan.containerOf }
  return nodes.map((n) => {
    if (n.type === 'card-node' && n.data.node.kind === 'host')
      return { ...n, type: LOD_HOST_TYPE, data: { ...n.data, lodHost } }
    const container = plan.containers.get(n.id)
    if (!container) return n
    const problems = memberProblems(container, worst)
    const data: LodGroupData = {
      ...n.data,
      lod: { container, containerOf: plan.containerOf, problems, worst },
    }
    return { ...n, type: LOD_GROUP_TYPE, data }
  })
}

const counted = new WeakMap<ReadonlyMap<string, Severity>, Map<readonly LabNode[], MemberProblems>>()

/** How many of a container's members have errors and warnings, counted once per problems found. */
function memberProblems(container: LodContainer, worst: ReadonlyMap<string, Severity>): MemberProblems {
  let byMembers = counted.get(worst)
  if (!byMembers) counted.set(worst, (byMembers = new Map<readonly LabNode[], MemberProblems>()))
  let problems = byMembers.get(container.members)
  if (!problems) {
    problems = { errors: 0, warnings: 0 }
    for (const m of container.members) {
      const severity = worst.get(m.id)
      if (severity === 'error') problems.errors++
      else if (severity === 'warning') problems.warnings++
    }
    byMembers.set(container.members, problems)
  }
  return problems
}

const viewOf = (s: ReactFlowState) => ({
  x: s.transform[0],
  y: s.transform[1],
  zoom: s.transform[2],
  width: s.width,
  height: s.height,
})
const sameKey = (a: { key: string }, b: { key: string }) => a.key === b.key

/**
 * The member nodes to draw now: those in view at a readable zoom, and the selected ones. The
 * canvas re-renders when the set changes, not on every frame of a pan.
 */
export function useMemberNodes(
  plan: LodPlan,
  rects: ReadonlyMap<string, Rect>,
  selection: readonly string[],
  worst: ReadonlyMap<string, Severity>,
  nodes: readonly LabFlowNode[],
): LabFlowNode[] {
  // A selector kept while its inputs are: an inline one would give a new (equal) set on each
  // render before the commit, and the canvas would render again and again.
  const select = useCallback(
    (s: ReactFlowState): { key: string; windows: Map<string, MemberWindow> } =>
      windowsInView(plan, rects, viewOf(s)),
    [plan, rects],
  )
  const { windows } = useStore(select, sameKey)
  const [cache] = useState(() => new MemberNodes())
  const always = useMemo(() => selection.filter((id) => plan.containerOf.has(id)), [selection, plan])
  const depth = useMemo(() => new Map(nodes.map((n) => [n.id, n.zIndex ?? 0])), [nodes])
  return useMemo(
    () => cache.build(plan, windows, always, worst, (id) => depth.get(id) ?? 0),
    [cache, plan, windows, always, worst, depth],
  )
}

/** The canvas's nodes and edges with the drawn members added, edges moved to what is drawn. */
export function withMembers<T extends { nodes: LabFlowNode[]; edges: Edge[] }>(
  flow: T,
  members: readonly LabFlowNode[],
  plan: LodPlan,
): T {
  if (plan.containers.size === 0) return flow
  const drawn = new Set(members.filter((m) => !m.hidden).map((m) => m.id))
  const drawnAs = (id: string) => (drawn.has(id) ? id : (plan.containerOf.get(id) ?? id))
  return { ...flow, nodes: [...flow.nodes, ...members], edges: aggregateEdges(flow.edges, drawnAs) }
}
