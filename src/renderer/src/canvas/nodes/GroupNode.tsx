import { Handle, Position, type NodeProps } from '@xyflow/react'
import { memo } from 'react'

import { KIND_LABELS } from '../../../../shared/domain/kinds'
import { toggleCollapsed } from '../../stores/view-state-actions'
import { Icon } from '../../icons/Icon'
import { KindIcon } from '../KindIcon'
import type { LabFlowNode } from '../to-flow'
import { ProblemBadge } from './ProblemBadge'
import { NamespacePlayback, StatusBadge, usePlaybackNodeAttrs } from '../../playback/NodePlayback'

/**
 * A container drawn around its children: vCenter, cluster, Supervisor, namespace. A
 * Supervisor's top handle drags out a binding to a cluster's bottom handle.
 */
export const GroupNode = memo(function GroupNode({ data, selected }: NodeProps<LabFlowNode>) {
  const { node, summary, collapsed } = data
  const pb = usePlaybackNodeAttrs(node.id)
  return (
    <div
      className={`group-node kind-${node.kind}${selected ? ' is-selected' : ''}${collapsed ? ' is-collapsed' : ''}${pb.className}`}
      data-testid={`node-${node.id}`}
      data-kind={node.kind}
      data-parent-id={node.parentId ?? ''}
      data-name-clipped={data.nameClipped}
      data-status={pb.status ?? data.status}
    >
      <Handle
        type="target"
        position={Position.Bottom}
        isConnectable={node.kind === 'cluster'}
        data-testid={node.kind === 'cluster' ? `handle-in-${node.id}` : undefined}
      />
      <div className="group-header">
        <button
          type="button"
          className="collapse-toggle nodrag"
          data-testid={`collapse-${node.id}`}
          aria-label={collapsed ? `Expand ${node.name}` : `Collapse ${node.name}`}
          aria-expanded={!collapsed}
          onClick={() => toggleCollapsed(node.id)}
        >
          <Icon name={collapsed ? 'chevron-right' : 'chevron-down'} size={12} />
        </button>
        <KindIcon kind={node.kind} />
        <span className="node-name" title={`${KIND_LABELS[node.kind]} ${node.name}`}>
          {node.name}
        </span>
        <span className="group-kind">{KIND_LABELS[node.kind]}</span>
        {collapsed ? null : (
          <span className="node-summary" title={summary}>
            {summary}
          </span>
        )}
        {node.kind === 'namespace' ? <NamespacePlayback nsId={node.id} /> : null}
        <StatusBadge nodeId={node.id} />
      </div>
      {collapsed ? (
        <div className="collapsed-summary node-summary" title={summary}>
          {summary}
        </div>
      ) : null}
      <ProblemBadge severity={data.problem} />
      <Handle
        type="source"
        position={Position.Top}
        isConnectable={node.kind === 'supervisor'}
        data-testid={node.kind === 'supervisor' ? `handle-out-${node.id}` : undefined}
        title={node.kind === 'supervisor' ? 'Drag to a cluster to bind this Supervisor to it' : undefined}
      />
    </div>
  )
})
