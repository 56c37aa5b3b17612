import { BaseEdge, getSmoothStepPath, type Edge, type EdgeProps } from '@xyflow/react'
import { memo } from 'react'

import type { Point } from '../../../../shared/domain/layout/route-edge'

export type RoutedEdgeType = Edge<{ route: Point[] | null }, 'routed'>

/**
 * Whether a route end still belongs to the handle React Flow draws the edge from: on the same
 * vertical line, within the handle's size (React Flow measures the drawn handle, which may sit a
 * few pixels from the box edge the route was computed from).
 */
const near = (p: Point | undefined, x: number, y: number) =>
  p !== undefined && Math.abs(p.x - x) <= 1 && Math.abs(p.y - y) <= 10

/**
 * An edge drawn along its route around the cards between its ends (edge-routes.ts), with
 * rounded bends and its label on the longest straight piece. While an end is being dragged the
 * route is stale, so the edge takes React Flow's step path until the drop lays it out again.
 */
export const RoutedEdge = memo(function RoutedEdge(props: EdgeProps<RoutedEdgeType>) {
  const { sourceX, sourceY, targetX, targetY, sourcePosition, targetPosition, data } = props
  const route = data?.route
  const fresh = route && near(route[0], sourceX, sourceY) && near(route[route.length - 1], targetX, targetY)
  const [path, labelX, labelY] = fresh
    ? roundedPath([{ x: sourceX, y: sourceY }, ...route.slice(1, -1), { x: targetX, y: targetY }])
    : getSmoothStepPath({ sourceX, sourceY, targetX, targetY, sourcePosition, targetPosition })
  return (
    <BaseEdge
      id={props.id}
      path={path}
      label={props.label}
      labelX={labelX}
      labelY={labelY}
      labelBgPadding={[4, 2]}
      labelBgBorderRadius={3}
      {...(props.markerEnd ? { markerEnd: props.markerEnd } : {})}
      {...(props.style ? { style: props.style } : {})}
      {...(props.interactionWidth === undefined ? {} : { interactionWidth: props.interactionWidth })}
    />
  )
})

const RADIUS = 8

/** An SVG path through the points with rounded bends, and the middle of its longest piece. */
function roundedPath(points: readonly Point[]): [string, number, number] {
  let d = `M ${points[0]!.x} ${points[0]!.y}`
  let label = { x: points[0]!.x, y: points[0]!.y, length: -1 }
  for (let k = 1; k < points.length; k++) {
    const a = points[k - 1]!
    const b = points[k]!
    const length = Math.abs(b.x - a.x) + Math.abs(b.y - a.y)
    if (length > label.length) label = { x: (a.x + b.x) / 2, y: (a.y + b.y) / 2, length }
    const c = points[k + 1]
    if (!c) {
      d += ` L ${b.x} ${b.y}`
      continue
    }
    const r = Math.min(RADIUS, length / 2, (Math.abs(c.x - b.x) + Math.abs(c.y - b.y)) / 2)
    const into = { x: b.x - Math.sign(b.x - a.x) * r, y: b.y - Math.sign(b.y - a.y) * r }
    const outOf = { x: b.x + Math.sign(c.x - b.x) * r, y: b.y + Math.sign(c.y - b.y) * r }
    d += ` L ${into.x} ${into.y} Q ${b.x} ${b.y} ${outOf.x} ${outOf.y}`
  }
  return [d, label.x, label.y]
}
