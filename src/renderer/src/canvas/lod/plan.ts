import type { Kind } from '../../../../shared/domain/kinds'
import type { LabNode, TopologyIndex } from '../../../../shared/domain/topology'
import { gridOf, isLargeContainer, type Grid } from '../../../../shared/domain/layout/member-grid'

/**
 * Labs whose large containers hold at most this many members in all open with them expanded (a
 * 200-pod namespace shows its grid at once); above it they open as summary cards.
 */
export const EXPANDED_MEMBERS_LIMIT = 2000

/** Grid order: the kinds a namespace holds, most numerous first, then by name. */
const KIND_RANK: Partial<Record<Kind, number>> = { pod: 0, deployment: 1, vm: 2, tkc: 3, pvc: 4, service: 5 }

export interface LodContainer {
  id: string
  /** Members in grid order. */
  members: readonly LabNode[]
  grid: Grid
  /** Drawn as a summary card (collapsed) rather than its grid. */
  collapsed: boolean
}

export interface LodPlan {
  containers: ReadonlyMap<string, LodContainer>
  /** The large container each member is drawn in. */
  containerOf: ReadonlyMap<string, string>
  /** Whether large containers open as summary cards (too many members to open them all). */
  summariseByDefault: boolean
}

export interface LodChoices {
  /** Containers the user collapsed (stored with the lab). */
  collapsed: ReadonlySet<string>
  /** Large containers opened where they open summarised (this session only). */
  expanded: ReadonlySet<string>
}

/** Which containers are large (`isLargeContainer`, the layout's rule), their members in grid order, and whether each is shown collapsed. */
export function planLod(index: TopologyIndex, choices: LodChoices): LodPlan {
  const { large, containerOf, summariseByDefault } = structureOf(index)
  const containers = new Map<string, LodContainer>()
  for (const c of large) {
    // Where they open summarised, only this session's choice opens one (lod-store.ts).
    const collapsed = summariseByDefault ? !choices.expanded.has(c.id) : choices.collapsed.has(c.id)
    containers.set(c.id, collapsed ? c.collapsed : c.open)
  }
  return { containers, containerOf, summariseByDefault }
}

/** The containers drawn collapsed: the stored ones, with the large ones as the plan shows them. */
export function collapsedShown(plan: LodPlan, collapsed: Iterable<string>): Set<string> {
  const set = new Set(collapsed)
  for (const c of plan.containers.values()) {
    if (c.collapsed) set.add(c.id)
    else set.delete(c.id)
  }
  return set
}

interface Structure {
  /** Each large container, as drawn collapsed and open (the same objects from plan to plan). */
  large: { id: string; collapsed: LodContainer; open: LodContainer }[]
  containerOf: Map<string, string>
  summariseByDefault: boolean
}

// What depends on the topology only, built once per topology: opening or collapsing a container
// (a search revealing a PodVM) then costs a pass over the large containers, not their members.
const structures = new WeakMap<TopologyIndex, Structure>()

function structureOf(index: TopologyIndex): Structure {
  const known = structures.get(index)
  if (known) return known
  const large: Structure['large'] = []
  const containerOf = new Map<string, string>()
  let total = 0
  for (const node of index.byId.values()) {
    const members = index.children.get(node.id) ?? []
    if (!isLargeContainer(node.kind, members.length)) continue
    const ordered = inGridOrder(node, members)
    for (const m of ordered) containerOf.set(m.id, node.id)
    const base = { id: node.id, members: ordered, grid: gridOf(ordered.length) }
    large.push({ id: node.id, collapsed: { ...base, collapsed: true }, open: { ...base, collapsed: false } })
    total += members.length
  }
  const structure = { large, containerOf, summariseByDefault: total > EXPANDED_MEMBERS_LIMIT }
  structures.set(index, structure)
  return structure
}

// Sorting thousands of names on every edit would cost more than the rest of the plan: the order
// is kept per container while its members are the same objects (an edit elsewhere keeps them).
const orderCache = new WeakMap<LabNode, { members: readonly LabNode[]; ordered: LabNode[] }>()

function inGridOrder(container: LabNode, members: readonly LabNode[]): LabNode[] {
  const known = orderCache.get(container)
  if (known && known.members.length === members.length && known.members.every((m, i) => m === members[i]))
    return known.ordered
  const keyed = members.map((m) => ({ m, key: sortKey(m) }))
  keyed.sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : a.m.id < b.m.id ? -1 : 1))
  const ordered = keyed.map((k) => k.m)
  orderCache.set(container, { members, ordered })
  return ordered
}

/** Kind rank, then the name with its numbers padded, so `fn-2` sorts before `fn-10`. */
function sortKey(node: LabNode): string {
  const rank = KIND_RANK[node.kind] ?? 9
  return `${rank}:${node.name.replace(/\d+/g, (d) => d.padStart(12, '0'))}`
}
