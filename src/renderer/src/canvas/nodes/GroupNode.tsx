import { Handle, Position, type NodeProps } from '@xyflow/react'
import { memo } from 'react'

import { KIND_LABELS } from '../../../../shared/domain/kinds'
import { KindIcon } from '../KindIcon'
import type { LabFlowNode } from '../to-flow'

/** A container drawn around its children: vCenter, cluster, Supervisor, namespace. */
export const GroupNode = memo(function GroupNode({ data, selected }: NodeProps<LabFlowNode>) {
  const { node, summary } = data
  return (
    <div
      className={`group-node kind-${node.kind}${selected ? ' is-selected' : ''}`}
      data-testid={`node-${node.id}`}
      data-kind={node.kind}
    >
      <Handle type="target" position={Position.Bottom} isConnectable={false} />
      <div className="group-header">
        <KindIcon kind={node.kind} />
        <span className="node-name">{node.name}</span>
        <span className="group-kind">{KIND_LABELS[node.kind]}</span>
        <span className="node-summary">{summary}</span>
      </div>
      <Handle type="source" position={Position.Top} isConnectable={false} />
    </div>
  )
})
