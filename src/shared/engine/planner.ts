import type { ResolvedTopology } from '../domain/resolve'
import { random } from './prng'
import { makeScopes } from './scope'
import { getField, setField } from './state'
import { durationOf } from './timing'
import type { EffectTable, EngineState, Fault, Placement, Scalar, Sequence, Step } from './types'

/** A field to set in a step: [table, id, key, value]; null removes the field. */
export type Change = readonly [EffectTable, string, string, Scalar | null]

/** A step before the planner numbers, times and applies it. */
export interface Draft {
  sequence: Sequence
  object: string
  actor: string
  target: string
  action: string
  text: string
  seedStep?: number
  set?: readonly Change[]
  placement?: Placement
  failure?: { code: string; reason: string }
  /** Overrides the timing table (back-off waits). */
  duration?: number
}

export type FaultHandler = (p: Planner, fault: Fault) => void

/**
 * The planning loop's working memory: the state as it evolves, the steps so far, the simulated
 * clock, the seeded counter and the queue of flows still to run. Every step is applied to the
 * state as it is emitted, so planning is the fold and flows decide from the current state.
 */
export class Planner {
  readonly steps: Step[] = []
  /** Objects a fault took over: their flow stops at its next check. */
  readonly interrupted = new Set<string>()
  readonly injected: Fault[] = []
  private readonly jobs: (() => void)[] = []
  private nextJob = 0
  private readonly pending: Fault[]
  private t = 0
  private counter = 0
  /** Namespace facts flows need, computed once per namespace. */
  readonly scope: ReturnType<typeof makeScopes>

  constructor(
    readonly r: ResolvedTopology,
    readonly state: EngineState,
    readonly seed: number,
    faults: readonly Fault[],
    private readonly onFault: FaultHandler,
  ) {
    this.scope = makeScopes(r)
    this.pending = faults
      .map((f, i) => ({ f, i }))
      .sort((a, b) => a.f.atSeq - b.f.atSeq || a.i - b.i)
      .map((x) => x.f)
  }

  /** The next seeded number in [0, 1). */
  rand(): number {
    return random(this.seed, this.counter++)
  }

  get now(): number {
    return this.t
  }

  get(on: EffectTable, id: string, key: string): Scalar | null {
    return getField(this.state, on, id, key)
  }

  num(on: EffectTable, id: string, key: string): number {
    return Number(getField(this.state, on, id, key) ?? 0)
  }

  status(id: string): string {
    return String(getField(this.state, 'objects', id, 'status') ?? 'Absent')
  }

  /** Queues a flow to run after the ones already queued. */
  queue(job: () => void): void {
    this.jobs.push(job)
  }

  /** Runs queued flows until none is left, injecting faults as their steps come due. */
  drain(): void {
    this.injectDue()
    while (this.nextJob < this.jobs.length) this.jobs[this.nextJob++]!()
  }

  /** Numbers, times and applies a step; then injects any fault due at the next seq. */
  emit(d: Draft): Step {
    const effects = []
    for (const [on, id, key, value] of d.set ?? []) {
      const before = getField(this.state, on, id, key)
      if (before === value) continue
      effects.push({ on, id, key, before, after: value })
      setField(this.state, on, id, key, value)
    }
    const duration = d.duration ?? durationOf(d.action, this.seed, this.counter++)
    const step: Step = {
      seq: this.steps.length + 1,
      t: this.t,
      duration,
      sequence: d.sequence,
      object: d.object,
      actor: d.actor,
      target: d.target,
      action: d.action,
      text: d.text,
      seedStep: d.seedStep ?? null,
      effects,
    }
    if (d.placement) step.placement = d.placement
    if (d.failure) step.failure = d.failure
    this.steps.push(step)
    this.t += duration
    this.injectDue()
    return step
  }

  /** Faults whose seq has come: each becomes the next step, followed by its consequences. */
  private injectDue(): void {
    while (this.pending.length > 0 && this.pending[0]!.atSeq <= this.steps.length + 1) {
      const fault = this.pending.shift()!
      this.injected.push(fault)
      this.onFault(this, fault)
    }
  }

  /** Faults never reached because the run ended first. */
  get notInjected(): readonly Fault[] {
    return this.pending
  }
}
