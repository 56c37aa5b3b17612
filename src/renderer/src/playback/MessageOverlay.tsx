import { ViewportPortal, type InternalNode } from '@xyflow/react'

import { useDrawnNode } from '../canvas/lod/use-drawn-node'
import { usePlaybackHighlight } from '../stores/playback-hooks'
import { selectSeq, usePlaybackStore } from '../stores/playback-store'

function centre(node: InternalNode | undefined): { x: number; y: number } | null {
  if (!node) return null
  const { x, y } = node.internals.positionAbsolute
  return { x: x + (node.measured.width ?? 0) / 2, y: y + Math.min(40, (node.measured.height ?? 0) / 2) }
}

/**
 * The message of the current step, drawn in flow coordinates inside the viewport (so zoom and
 * pan are untouched): a dashed line from the acting component to its target with a dot that
 * travels along it, or a pulse when both are the same node.
 */
export function MessageOverlay() {
  const highlight = usePlaybackHighlight()
  const seq = usePlaybackStore(selectSeq)
  // A member of a large container may have no node: the container stands for it (canvas/lod).
  const actor = useDrawnNode(highlight?.actor)
  const target = useDrawnNode(highlight?.target)
  const object = useDrawnNode(highlight?.object)
  const from = centre(actor)
  const to = centre(target) ?? centre(object)
  if (!highlight || (!from && !to)) return null
  const a = from ?? to!
  const b = to ?? from!
  const same = Math.hypot(a.x - b.x, a.y - b.y) < 4
  return (
    <ViewportPortal>
      <svg
        className="pb-message"
        data-testid="message-overlay"
        style={{ position: 'absolute', overflow: 'visible', left: 0, top: 0 }}
      >
        {same ? (
          <circle key={seq} cx={a.x} cy={a.y} r={18} className="pb-pulse" />
        ) : (
          <g key={seq}>
            <line x1={a.x} y1={a.y} x2={b.x} y2={b.y} className="pb-message-line" />
            <circle r={7} className="pb-message-dot">
              <animateMotion dur="0.6s" fill="freeze" path={`M${a.x},${a.y} L${b.x},${b.y}`} />
            </circle>
          </g>
        )}
      </svg>
    </ViewportPortal>
  )
}
