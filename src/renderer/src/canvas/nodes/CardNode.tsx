import { Handle, Position, type NodeProps } from '@xyflow/react'
import { memo } from 'react'

import { KIND_LABELS } from '../../../../shared/domain/kinds'
import { CARD } from '../../../../shared/domain/layout/lab-sizes'
import { KindIcon } from '../KindIcon'
import { hostUsageLine } from '../node-summary'
import type { LabFlowNode } from '../to-flow'
import { ProblemBadge } from './ProblemBadge'
import { HostPlayback, StatusBadge, usePlaybackNodeAttrs } from '../../playback/NodePlayback'

/** A leaf object on the canvas: host, policy, workload. */
export const CardNode = memo(function CardNode({ data, selected, width }: NodeProps<LabFlowNode>) {
  const { node, summary } = data
  const pb = usePlaybackNodeAttrs(node.id)
  const label = `${KIND_LABELS[node.kind]} ${node.name}`
  return (
    <div
      className={`card-node kind-${node.kind}${selected ? ' is-selected' : ''}${pb.className}`}
      data-testid={`node-${node.id}`}
      data-kind={node.kind}
      data-parent-id={node.parentId ?? ''}
      data-name-clipped={data.nameClipped}
      data-status={pb.status ?? data.status}
      title={summary ? `${label}\n${summary}` : label}
    >
      <Handle type="target" position={Position.Top} isConnectable={false} />
      <KindIcon kind={node.kind} />
      <div className="card-text">
        <div className="name-row">
          <div className="node-name">{node.name}</div>
          {data.spherelet ? <SphereletTag hostId={node.id} /> : null}
        </div>
        <div className="node-summary">{summary}</div>
        {node.kind === 'host' ? <HostArea node={node} width={(width ?? 0) - CARD.chrome} /> : null}
      </div>
      <ProblemBadge severity={data.problem} />
      <StatusBadge nodeId={node.id} />
      <Handle type="source" position={Position.Bottom} isConnectable={false} />
    </div>
  )
})

/** A host's lower half: its usage at rest, or bars and what runs on it during playback. */
function HostArea({ node, width }: { node: LabFlowNode['data']['node']; width: number }) {
  const usage = hostUsageLine(node.spec)
  return (
    <div className="host-area">
      <HostPlayback hostId={node.id} width={width} />
      {usage ? (
        <div className="node-summary host-usage" title="Busy before anything of the lab runs on it">
          {usage}
        </div>
      ) : null}
    </div>
  )
}

function SphereletTag({ hostId }: { hostId: string }) {
  return (
    <span
      className="derived-tag"
      data-testid={`derived-spherelet-${hostId}`}
      title="Spherelet: created by the Supervisor on every host of its cluster (read-only)"
    >
      spherelet
    </span>
  )
}
