import type { Step } from '../../../../shared/engine/types'

/** Points of a sparkline: the run cut into this many equal spans of steps. */
export const BUCKETS = 48

const RUNNING = 'Running'

/**
 * The run's history per container and per host, for the sparklines of summary cards: how many of
 * a container's members are Running, and how many PodVMs and VMs sit on a host, at the end of
 * each span of steps. Steps arrive in pages; `add` walks only the new ones.
 */
export class RunSeries {
  private walked = 0
  private bucket = 0
  private readonly now = new Map<string, number>()
  private readonly points = new Map<string, Uint32Array>()

  constructor(
    /** The large container each member is drawn in. */
    private readonly containerOf: ReadonlyMap<string, string>,
    /** Steps the run has in all (bucket bounds follow from it). */
    readonly total: number,
  ) {}

  /** Walks the steps that arrived since the last call (`steps[i]` is step i + 1). */
  add(steps: readonly Step[]): void {
    for (; this.walked < steps.length; this.walked++) {
      const step = steps[this.walked]!
      for (const e of step.effects) {
        if (e.on !== 'objects') continue
        if (e.key === 'status') {
          const container = this.containerOf.get(e.id)
          if (container === undefined) continue
          this.bump(container, (e.after === RUNNING ? 1 : 0) - (e.before === RUNNING ? 1 : 0))
        } else if (e.key === 'host' && !e.id.endsWith('/crx')) {
          if (typeof e.before === 'string') this.bump(e.before, -1)
          if (typeof e.after === 'string') this.bump(e.after, 1)
        }
      }
      while (this.bucket < BUCKETS && step.seq >= this.boundary(this.bucket)) this.close(this.bucket++)
    }
  }

  /** Points of `id` so far (null when nothing in the run concerns it). */
  of(id: string): { points: Uint32Array; filled: number } | null {
    const points = this.points.get(id)
    return points ? { points, filled: this.bucket } : null
  }

  private boundary = (bucket: number) => Math.ceil(((bucket + 1) * this.total) / BUCKETS)

  private bump(id: string, by: number) {
    if (by === 0) return
    this.now.set(id, (this.now.get(id) ?? 0) + by)
    if (!this.points.has(id)) this.points.set(id, new Uint32Array(BUCKETS))
  }

  private close(bucket: number) {
    for (const [id, n] of this.now) this.points.get(id)![bucket] = Math.max(0, n)
  }
}
