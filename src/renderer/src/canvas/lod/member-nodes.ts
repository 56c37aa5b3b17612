import { nameWidth } from '../../../../shared/domain/layout/lab-sizes'
import type { LabNode } from '../../../../shared/domain/topology'
import { handlesFor, type LabFlowNode, type Severity } from '../to-flow'
import { cellPosition, TILE } from '../../../../shared/domain/layout/member-grid'
import { membersIn, type MemberWindow } from './materialise'
import type { LodPlan } from './plan'

export const MEMBER_NODE_TYPE = 'lod-member'
/** A tile's padding and border around its name (lod.css: .member-tile). */
const TILE_CHROME = 18

const HANDLES = handlesFor(TILE.width, TILE.height, false)
const STYLE = { width: TILE.width, height: TILE.height }
const MEASURED = { width: TILE.width, height: TILE.height }

/**
 * React Flow nodes for the members in the windows, plus `always` (selected members, so React Flow
 * keeps them selected while they are off screen: hidden when their tile is not drawn). Every node
 * is sized up front, so React Flow never measures one; a node is reused while its member, place
 * and problem are the same, so a pan re-renders only the tiles that came into view.
 */
export class MemberNodes {
  private cache = new Map<string, LabFlowNode>()

  build(
    plan: LodPlan,
    windows: ReadonlyMap<string, MemberWindow>,
    always: readonly string[],
    problems: ReadonlyMap<string, Severity>,
    depthOf: (containerId: string) => number,
  ): LabFlowNode[] {
    const out: LabFlowNode[] = []
    const next = new Map<string, LabFlowNode>()
    const add = (member: LabNode, containerId: string, i: number, hidden: boolean) => {
      if (next.has(member.id)) return
      const container = plan.containers.get(containerId)
      if (!container) return
      const node = this.node(member, containerId, cellPosition(container.grid, i), hidden, problems, depthOf)
      next.set(member.id, node)
      out.push(node)
    }
    for (const [id, window] of windows) {
      const container = plan.containers.get(id)
      if (!container) continue
      for (const i of membersIn(container.grid.columns, container.members.length, window))
        add(container.members[i]!, id, i, false)
    }
    for (const id of always) {
      const containerId = plan.containerOf.get(id)
      const container = containerId === undefined ? undefined : plan.containers.get(containerId)
      if (!container || next.has(id)) continue
      const i = container.members.findIndex((m) => m.id === id)
      if (i >= 0) add(container.members[i]!, container.id, i, true)
    }
    this.cache = next
    return out
  }

  private node(
    member: LabNode,
    parentId: string,
    position: { x: number; y: number },
    hidden: boolean,
    problems: ReadonlyMap<string, Severity>,
    depthOf: (containerId: string) => number,
  ): LabFlowNode {
    const problem = problems.get(member.id) ?? null
    const known = this.cache.get(member.id)
    if (
      known &&
      known.data.node === member &&
      known.hidden === hidden &&
      known.data.problem === problem &&
      known.parentId === parentId &&
      known.position.x === position.x &&
      known.position.y === position.y
    )
      return known
    return {
      id: member.id,
      type: MEMBER_NODE_TYPE,
      position,
      parentId,
      width: TILE.width,
      height: TILE.height,
      measured: MEASURED,
      handles: HANDLES,
      style: STYLE,
      hidden,
      selected: false,
      draggable: false,
      data: {
        node: member,
        summary: '',
        childCount: 0,
        collapsed: false,
        problem,
        derived: null,
        spherelet: false,
        status: 'idle',
        // Cut names keep their full name in the tile's tooltip.
        nameClipped: nameWidth(member.name) > TILE.width - TILE_CHROME,
      },
      zIndex: depthOf(parentId) + 1,
    }
  }
}
