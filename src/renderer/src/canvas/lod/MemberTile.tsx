import { type NodeProps } from '@xyflow/react'
import './lod.css'
import { memo } from 'react'

import { KIND_LABELS } from '../../../../shared/domain/kinds'
import { usePlaybackNodeAttrs } from '../../playback/NodePlayback'
import { ProblemBadge } from '../nodes/ProblemBadge'
import type { LabFlowNode } from '../to-flow'
import { toneOf } from './tones'

/**
 * A member of a large container drawn in its grid: its name, its kind as the border's colour
 * (the title names it) and, during a run, its status. A few elements only, as hundreds are drawn
 * at once; it carries the same test id, kind and status attributes as a card.
 */
export const MemberTile = memo(function MemberTile({ data, selected }: NodeProps<LabFlowNode>) {
  const { node } = data
  const pb = usePlaybackNodeAttrs(node.id)
  const status = pb.status ?? data.status
  return (
    <div
      className={`member-tile kind-${node.kind}${selected ? ' is-selected' : ''}${pb.className}`}
      data-testid={`node-${node.id}`}
      data-kind={node.kind}
      data-parent-id={node.parentId ?? ''}
      data-status={status}
      data-name-clipped={data.nameClipped}
      data-tone={pb.status ? toneOf(pb.status) : undefined}
      title={`${KIND_LABELS[node.kind]} ${node.name}${pb.status ? `: ${pb.status}` : ''}`}
    >
      <span className="member-text">
        <span className="node-name">{node.name}</span>
        {pb.status ? <span className="member-status">{pb.status}</span> : null}
      </span>
      <ProblemBadge severity={data.problem} />
    </div>
  )
})
