import type { Spark } from './run-hooks'

const W = 100
const H = 24

/** The run's history in one line: a point per span of steps, the current step marked. */
export function Sparkline({ spark, label }: { spark: Spark; label: string }) {
  const { points, filled, at } = spark
  let max = 1
  for (let i = 0; i < filled; i++) max = Math.max(max, points[i] ?? 0)
  const step = W / Math.max(1, points.length - 1)
  const line: string[] = []
  for (let i = 0; i < filled; i++)
    line.push(`${(i * step).toFixed(1)},${(H - ((points[i] ?? 0) / max) * H).toFixed(1)}`)
  const now = points[Math.min(at, Math.max(0, filled - 1))] ?? 0
  return (
    <svg
      className="lod-spark"
      viewBox={`0 -2 ${W} ${H + 4}`}
      preserveAspectRatio="none"
      role="img"
      aria-label={`${label}: ${now} now, at most ${max} in the run`}
      data-testid="lod-spark"
    >
      <title>{`${label}: ${now} now, at most ${max} in the run`}</title>
      <polyline points={line.join(' ')} className="lod-spark-line" vectorEffect="non-scaling-stroke" />
      <line
        x1={at * step}
        x2={at * step}
        y1={-2}
        y2={H + 2}
        className="lod-spark-now"
        vectorEffect="non-scaling-stroke"
      />
    </svg>
  )
}
