import {
  Background,
  BackgroundVariant,
  Controls,
  MiniMap,
  ReactFlow,
  applyNodeChanges,
  type NodeChange,
  type NodeTypes,
} from '@xyflow/react'
import { useCallback, useMemo, useState } from 'react'

import type { Topology } from '../../../shared/domain/topology'
import { CardNode } from './nodes/CardNode'
import { GroupNode } from './nodes/GroupNode'
import { toFlow, type LabFlowNode } from './to-flow'

const nodeTypes: NodeTypes = { 'card-node': CardNode, 'group-node': GroupNode }

const minimapColor = (node: LabFlowNode) => `var(--kind-${node.data.node.kind}, #64748b)`

/** The lab on a React Flow canvas. Positions move locally while dragging. */
export function LabCanvas({ topology }: { topology: Topology }) {
  const flow = useMemo(() => toFlow(topology), [topology])
  const [nodes, setNodes] = useState(flow.nodes)
  const [shown, setShown] = useState(flow.nodes)
  // A new topology from the service replaces the local, in-drag positions (React's
  // "adjust state when a prop changes" pattern, without an effect).
  if (shown !== flow.nodes) {
    setShown(flow.nodes)
    setNodes(flow.nodes)
  }
  const onNodesChange = useCallback(
    (changes: NodeChange<LabFlowNode>[]) => setNodes((current) => applyNodeChanges(changes, current)),
    [],
  )
  return (
    <div className="canvas" data-testid="canvas">
      <ReactFlow
        nodes={nodes}
        edges={flow.edges}
        nodeTypes={nodeTypes}
        onNodesChange={onNodesChange}
        fitView
        fitViewOptions={{ padding: 0.1 }}
        minZoom={0.1}
        snapToGrid
        snapGrid={[10, 10]}
        proOptions={{ hideAttribution: true }}
      >
        <Background variant={BackgroundVariant.Dots} gap={20} size={1} />
        <MiniMap pannable zoomable nodeColor={minimapColor} />
        <Controls />
      </ReactFlow>
    </div>
  )
}
