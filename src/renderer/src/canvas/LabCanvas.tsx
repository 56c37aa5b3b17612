import {
  Background,
  BackgroundVariant,
  Controls,
  MiniMap,
  ReactFlow,
  applyNodeChanges,
  useStore,
  type EdgeTypes,
  type NodeChange,
  type NodeTypes,
  type OnSelectionChangeParams,
} from '@xyflow/react'
import { useCallback, useEffect, useMemo, useRef, useState, type DragEvent } from 'react'

import './canvas.css'

import type { Topology } from '../../../shared/domain/topology'
import { useProblems } from '../problems/use-problems'
import { requestFit, selectCollapsed, selectExporting, useCanvasViewStore } from '../stores/canvas-view-store'
import { sendBatch } from '../stores/edit-actions'
import { toast } from '../stores/notice-store'
import { selectSelection, setSelection, useSelectionStore } from '../stores/selection-store'
import { dragStopBatch } from './drag-stop'
import { StableFlow } from './lod/keep-unchanged'
import { LOD_HOST_TYPE, LodHostNode } from './lod/LodHostNode'
import { LOD_GROUP_TYPE, LodGroupNode } from './lod/LodGroupNode'
import { MEMBER_NODE_TYPE } from './lod/member-nodes'
import { MemberTile } from './lod/MemberTile'
import { useLod, useMemberNodes, withLodGroups, withMembers } from './lod/use-lod'
import { useReveal } from './lod/use-reveal'
import { MessageOverlay } from '../playback/MessageOverlay'
import { openHostMenu } from '../stores/playback-actions'
import { RoutedEdge } from './edges/RoutedEdge'
import { CardNode } from './nodes/CardNode'
import { DerivedNode } from './nodes/DerivedNode'
import { GroupNode } from './nodes/GroupNode'
import { publishRects } from './rects-registry'
import { toFlow, withSelection, type LabFlowNode } from './to-flow'
import { useDropAndConnect } from './use-drop-and-connect'
import { CanvasAnnouncer } from './CanvasAnnouncer'
import { useFocus } from './use-focus'
import { useMovingLayer } from './use-moving-layer'
import { MINIMAP, useViewportRequests } from './use-viewport-requests'

const nodeTypes: NodeTypes = {
  'card-node': CardNode,
  'group-node': GroupNode,
  'derived-node': DerivedNode,
  [LOD_GROUP_TYPE]: LodGroupNode,
  [LOD_HOST_TYPE]: LodHostNode,
  [MEMBER_NODE_TYPE]: MemberTile,
}
const edgeTypes: EdgeTypes = { routed: RoutedEdge }
const minimapColor = (node: LabFlowNode) => `var(--kind-${node.data.node.kind}, #64748b)`
const MULTI_KEYS = ['Shift', 'Meta', 'Control']
// Props React Flow copies into its store one by one: a new object each render is a store update
// (and every node's selectors running) each render.
const SNAP_GRID: [number, number] = [10, 10]
/** Below this zoom, nodes drop shadows, icons and summaries: unreadable there, costly to paint. */
const FAR_ZOOM = 0.35
const selectFar = (s: { transform: [number, number, number] }) => s.transform[2] < FAR_ZOOM

/** The lab on a React Flow canvas. Drags move only local state; the drop sends one edit. */
export function LabCanvas({ topology }: { topology: Topology }) {
  const collapsed = useCanvasViewStore(selectCollapsed)
  const selection = useSelectionStore(selectSelection)
  const problems = useProblems(topology)
  const lod = useLod(topology, collapsed)
  const [stable] = useState(() => new StableFlow())
  const base = useMemo(() => {
    const view = { collapsed: lod.collapsed, problems: problems.worst, selection: new Set<string>() }
    const mapped = toFlow(topology, view)
    return stable.keep({ ...mapped, nodes: withLodGroups(mapped.nodes, lod.plan, problems.worst) })
  }, [topology, lod, problems, stable])
  const members = useMemberNodes(lod.plan, base.rects, selection, problems.worst, base.nodes)
  // Selection changes only touch the nodes whose flag flips, so React Flow re-renders few.
  const flow = useMemo(
    () => withSelection(withMembers(base, members, lod.plan), selection),
    [base, members, lod, selection],
  )
  const [nodes, setNodes] = useState(flow.nodes)
  const [shown, setShown] = useState(flow.nodes)
  // A new flow (service push, selection, collapse) replaces the local, in-drag positions
  // (React's "adjust state when a prop changes" pattern, without an effect).
  if (shown !== flow.nodes) {
    setShown(flow.nodes)
    setNodes(flow.nodes)
  }
  const exporting = useCanvasViewStore(selectExporting)
  const far = useStore(selectFar) && !exporting
  const parentOf = useCallback(
    (id: string) => topology.nodes.find((n) => n.id === id)?.parentId ?? null,
    [topology],
  )
  useFocus(flow.rects, parentOf, useReveal(lod.plan, flow.rects))
  useViewportRequests(topology, flow.rects)
  // The lab opens fitted into view (React Flow's own fitView would also fit the first drop
  // into an empty lab, at twice the size).
  useEffect(requestFit, [])
  useEffect(() => publishRects(flow.rects), [flow.rects])

  const onNodesChange = useCallback(
    (changes: NodeChange<LabFlowNode>[]) => setNodes((current) => applyNodeChanges(changes, current)),
    [],
  )
  const onSelectionChange = useCallback(
    ({ nodes: n, edges: e }: OnSelectionChangeParams) => setSelection([...n, ...e].map((x) => x.id)),
    [],
  )
  // One handler for the canvas's life, reading the flow drawn last: a new one on each redraw would
  // be a React Flow store update on each redraw.
  const drawn = useRef({ topology, flow })
  useEffect(() => {
    drawn.current = { topology, flow }
  }, [topology, flow])
  const onNodeDragStop = useCallback((_: unknown, __: LabFlowNode, dragged: LabFlowNode[]) => {
    const { topology, flow } = drawn.current
    const result = dragStopBatch(
      dragged
        .filter((d) => !d.data.derived)
        .map((d) => ({ id: d.id, position: d.position, width: d.width ?? 0, height: d.height ?? 0 })),
      topology,
      flow.rects,
    )
    if ('refused' in result) {
      toast(result.refused, 'error')
      setNodes(flow.nodes)
    } else if (result.batch) void sendBatch(result.batch)
  }, [])
  const { onDrop, onConnect } = useDropAndConnect(topology, flow.rects)
  const { ref: movingRef, onMoveStart, onMoveEnd } = useMovingLayer()

  return (
    <div
      ref={movingRef}
      className={far ? 'canvas is-far' : 'canvas'}
      data-testid="canvas"
      onDragOver={allowDrop}
      onDrop={onDrop}
      // One tab stop for the whole canvas; the arrows travel between objects (keymap).
      tabIndex={0}
      role="application"
      aria-label="Lab canvas"
      aria-roledescription="canvas"
      aria-describedby="canvas-keys"
    >
      <CanvasAnnouncer topology={topology} selection={selection} />
      <ReactFlow
        nodes={nodes}
        edges={flow.edges}
        nodeTypes={nodeTypes}
        edgeTypes={edgeTypes}
        onNodesChange={onNodesChange}
        onSelectionChange={onSelectionChange}
        onNodeDragStop={onNodeDragStop}
        onMoveStart={onMoveStart}
        onMoveEnd={onMoveEnd}
        onConnect={onConnect}
        onNodeContextMenu={openHostMenu}
        deleteKeyCode={null}
        nodesFocusable={false}
        edgesFocusable={false}
        selectionKeyCode="Shift"
        multiSelectionKeyCode={MULTI_KEYS}
        // Far out nearly everything is in view and a pan only brings cards in and out at the
        // edges, each a repaint of the whole layer: culling pays only when zoomed in.
        onlyRenderVisibleElements={!exporting && !far}
        minZoom={0.05}
        snapToGrid
        snapGrid={SNAP_GRID}
        proOptions={{ hideAttribution: true }}
      >
        {/* Far out the dots are a haze that costs a repaint on every frame of a pan. */}
        {far ? null : <Background variant={BackgroundVariant.Dots} gap={20} size={1} />}
        <MiniMap pannable zoomable nodeColor={minimapColor} style={MINIMAP} />
        <Controls />
        <MessageOverlay />
      </ReactFlow>
    </div>
  )
}

function allowDrop(e: DragEvent) {
  e.preventDefault()
  e.dataTransfer.dropEffect = 'move'
}
