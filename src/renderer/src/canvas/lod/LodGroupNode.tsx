import { useStore, type NodeProps } from '@xyflow/react'
import { memo } from 'react'

import type { Problem } from '../../../../shared/domain/problems'
import { usePlaybackStore } from '../../stores/playback-store'
import { GroupNode } from '../nodes/GroupNode'
import type { LabFlowData, LabFlowNode } from '../to-flow'
import { MEMBER_ZOOM } from './materialise'
import { Mosaic } from './Mosaic'
import type { LodContainer } from './plan'
import { SummaryBody, type MemberProblems } from './SummaryBody'

export const LOD_GROUP_TYPE = 'lod-group'

/** What a large container's node carries besides the usual: its plan and its members' problems. */
export interface LodGroupData extends LabFlowData {
  lod: {
    container: LodContainer
    containerOf: ReadonlyMap<string, string>
    problems: MemberProblems
    worst: ReadonlyMap<string, Problem['severity']>
  }
}

const selectFar = (s: { transform: [number, number, number] }) => s.transform[2] < MEMBER_ZOOM

/** How the current step involves one of the container's members: as actor, target or object. */
function useMemberRole(id: string, containerOf: ReadonlyMap<string, string>) {
  return usePlaybackStore((s) => {
    const h = s.highlight
    const member = (x: string | null) => x !== null && containerOf.get(x.split('/')[0] ?? x) === id
    if (!h) return null
    if (member(h.actor)) return 'actor'
    if (member(h.target)) return 'target'
    return member(h.object) ? 'object' : null
  })
}

/**
 * A large container: the usual group (header, collapse toggle, badges) with, collapsed, a summary
 * card's body, and expanded but too far to read its tiles, a mosaic of its members. During a run
 * it is ringed when the step acts on one of its members, drawn or not.
 */
export const LodGroupNode = memo(function LodGroupNode(props: NodeProps<LabFlowNode>) {
  const { lod } = props.data as LodGroupData
  const far = useStore(selectFar)
  const role = useMemberRole(props.id, lod.containerOf)
  return (
    <>
      <GroupNode {...props} />
      {role ? <div className={`lod-ring pb-${role}`} data-testid={`lod-ring-${props.id}`} /> : null}
      {props.data.collapsed ? (
        <SummaryBody container={lod.container} containerOf={lod.containerOf} problems={lod.problems} />
      ) : far ? (
        <Mosaic container={lod.container} problems={lod.worst} />
      ) : null}
    </>
  )
})
