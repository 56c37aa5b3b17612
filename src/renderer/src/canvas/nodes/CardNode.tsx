import { Handle, Position, type NodeProps } from '@xyflow/react'
import { memo } from 'react'

import { KIND_LABELS } from '../../../../shared/domain/kinds'
import { KindIcon } from '../KindIcon'
import type { LabFlowNode } from '../to-flow'
import { ProblemBadge } from './ProblemBadge'
import { HostPlayback, StatusBadge, usePlaybackNodeAttrs } from '../../playback/NodePlayback'

/** A leaf object on the canvas: host, policy, workload. */
export const CardNode = memo(function CardNode({ data, selected }: NodeProps<LabFlowNode>) {
  const { node, summary } = data
  const pb = usePlaybackNodeAttrs(node.id)
  return (
    <div
      className={`card-node kind-${node.kind}${selected ? ' is-selected' : ''}${pb.className}`}
      data-testid={`node-${node.id}`}
      data-kind={node.kind}
      data-status={pb.status ?? data.status}
      title={`${KIND_LABELS[node.kind]} ${node.name}`}
    >
      <Handle type="target" position={Position.Top} isConnectable={false} />
      <KindIcon kind={node.kind} />
      <div className="card-text">
        <div className="node-name">{node.name}</div>
        <div className="node-summary">{summary}</div>
        {node.kind === 'host' ? <HostPlayback hostId={node.id} /> : null}
      </div>
      {data.spherelet ? (
        <span
          className="derived-tag"
          data-testid={`derived-spherelet-${node.id}`}
          title="Spherelet: created by the Supervisor on every host of its cluster (read-only)"
        >
          spherelet
        </span>
      ) : null}
      <ProblemBadge severity={data.problem} />
      <StatusBadge nodeId={node.id} />
      <Handle type="source" position={Position.Bottom} isConnectable={false} />
    </div>
  )
})
