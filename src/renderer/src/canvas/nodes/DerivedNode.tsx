import { type NodeProps } from '@xyflow/react'
import { memo } from 'react'

import { KIND_LABELS } from '../../../../shared/domain/kinds'
import { KindIcon } from '../KindIcon'
import type { LabFlowNode } from '../to-flow'

/** A read-only object the platform creates (control-plane VM, API VIP, namespace network). */
export const DerivedNode = memo(function DerivedNode({ data, selected }: NodeProps<LabFlowNode>) {
  const { node } = data
  return (
    <div
      className={`derived-node kind-${node.kind}${selected ? ' is-selected' : ''}`}
      data-testid={`node-${node.id}`}
      data-kind={node.kind}
      data-parent-id={node.parentId ?? ''}
      data-name-clipped={data.nameClipped}
      data-status={data.status}
      data-readonly="true"
      title={`${KIND_LABELS[node.kind]} ${node.name}: ${data.derived?.note ?? 'created by the platform'} (read-only)`}
    >
      <KindIcon kind={node.kind} size={14} />
      <span className="node-name">{node.name}</span>
    </div>
  )
})
