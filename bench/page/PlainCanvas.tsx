import { ReactFlow, applyNodeChanges, type Edge, type Node, type NodeChange } from '@xyflow/react'
import { useCallback, useState } from 'react'

/**
 * A plain React Flow page with `count` default nodes in a grid and chain edges: the baseline
 * the canvas benchmark compares the lab canvas against, in the same run.
 */
export function PlainCanvas({ count }: { count: number }) {
  const [nodes, setNodes] = useState<Node[]>(() =>
    Array.from({ length: count }, (_, i) => ({
      id: `n${i}`,
      position: { x: (i % 40) * 200, y: Math.floor(i / 40) * 100 },
      data: { label: `node ${i}` },
    })),
  )
  const [edges] = useState<Edge[]>(() =>
    Array.from({ length: Math.max(0, count - 1) }, (_, i) => ({
      id: `e${i}`,
      source: `n${i}`,
      target: `n${i + 1}`,
    })),
  )
  const onNodesChange = useCallback(
    (changes: NodeChange[]) => setNodes((n) => applyNodeChanges(changes, n)),
    [],
  )
  return (
    <div style={{ width: '100vw', height: '100vh' }} data-testid="app-ready">
      <ReactFlow nodes={nodes} edges={edges} onNodesChange={onNodesChange} fitView minZoom={0.05} />
    </div>
  )
}
