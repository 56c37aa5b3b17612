import type { ResolvedTopology } from '../domain/resolve'
import { addMember } from './anti-affinity'
import { makeScopes, makeSvScopes } from './scope'
import { getField, swapField } from './state'
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

/** Capacity that came free since the last check: hosts whose reservations went down. */
export interface Freed {
  hosts: Set<string>
  /** The step that freed it first, and its object. */
  seq: number
  object: string
  /** Not a release: the periodic pass at the start of a run over what an earlier run left waiting. */
  periodic?: boolean
}

export interface PlannerHooks {
  /** Injects a fault as a step and plays its consequences. */
  onFault(p: Planner, fault: Fault): void
  /** Retries what waits for capacity (Pending pods and VMs) and lets DRS separate VMs again. */
  onCapacityFreed(p: Planner, freed: Freed): void
  /** Takes each step as it is emitted; without it the planner keeps them all in `steps`. */
  onStep?(step: Step): void
}

/** Host fields whose decrease frees capacity a waiting object may use. */
const FREEING = new Set(['reservedCpuMhz', 'reservedMemoryMiB', 'podCpuMillis', 'podMemoryMiB'])

/**
 * The planning loop's working memory: the state as it evolves, the steps so far, the simulated
 * clock, the seeded counter and the queue of flows still to run. Every step is applied to the
 * state as it is emitted, so planning is the fold and flows decide from the current state.
 */
export class Planner {
  /** The steps so far, unless `onStep` takes them (then it stays empty). */
  readonly steps: Step[] = []
  private count = 0
  /** Objects a fault took over: their flow stops at its next check. */
  readonly interrupted = new Set<string>()
  readonly injected: Fault[] = []
  private readonly jobs: (() => void)[] = []
  private nextJob = 0
  private readonly pending: Fault[]
  private t = 0
  private counter = 0
  /** Supervisor and namespace facts flows need, computed once per object. */
  readonly svScope: ReturnType<typeof makeSvScopes>
  readonly scope: ReturnType<typeof makeScopes>
  /** Members of each rule that keeps VMs apart (objects carry the rule id as `apart`). */
  readonly apart = new Map<string, string[]>()
  /** Rules some members of which share a host, for DRS to mend when it can. */
  readonly broken = new Set<string>()
  /** Objects left Pending for lack of capacity (objects carry `unschedulable`), in the order they wait. */
  readonly unschedulable = new Set<string>()
  private freed: Freed | null = null

  constructor(
    readonly r: ResolvedTopology,
    readonly state: EngineState,
    readonly seed: number,
    faults: readonly Fault[],
    private readonly hooks: PlannerHooks,
  ) {
    this.svScope = makeSvScopes(r)
    this.scope = makeScopes(r, this.svScope)
    this.pending = faults
      .map((f, i) => ({ f, i }))
      .sort((a, b) => a.f.atSeq - b.f.atSeq || a.i - b.i)
      .map((x) => x.f)
    // What an earlier run left: rule members and objects still waiting (one pass, sorted ids).
    for (const id of Object.keys(state.objects).sort()) {
      const o = state.objects[id]!
      const rule = o['apart']
      if (typeof rule === 'string') addMember(this.apart, id, rule)
      if (o['unschedulable'] !== undefined) this.unschedulable.add(id)
    }
    for (const [rule, members] of this.apart) {
      const hosts = members.map((m) => state.objects[m]?.['host']).filter((h) => typeof h === 'string')
      if (new Set(hosts).size < hosts.length) this.broken.add(rule)
    }
  }

  /**
   * What an earlier run left waiting (Pending pods and VMs, VMs sharing a host against a soft
   * rule) gets a pass over every host before this run's own work: kube-scheduler flushes its
   * unschedulable pods to the active queue every 5 minutes, DRS runs every 5 minutes (assumed
   * to have happened between two runs).
   */
  queuePeriodicPass(): void {
    if (this.unschedulable.size === 0 && this.broken.size === 0) return
    this.queue(() => {
      const hosts = new Set(Object.keys(this.state.hosts).sort())
      this.hooks.onCapacityFreed(this, { hosts, seq: this.count + 1, object: '', periodic: true })
    })
  }

  get now(): number {
    return this.t
  }

  /** Steps emitted so far: the state is the one after step `emitted`. */
  get emitted(): number {
    return this.count
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
    for (;;) {
      // Between flows, what waits for capacity is retried (kube-scheduler, VM Operator, DRS).
      const freed = this.freed
      if (freed) {
        this.freed = null
        if (this.unschedulable.size > 0 || this.broken.size > 0) this.hooks.onCapacityFreed(this, freed)
        continue
      }
      if (this.nextJob >= this.jobs.length) return
      this.jobs[this.nextJob++]!()
    }
  }

  /** Numbers, times and applies a step; then injects any fault due at the next seq. */
  emit(d: Draft): Step {
    const effects = []
    for (const [on, id, key, value] of d.set ?? []) {
      const before = swapField(this.state, on, id, key, value)
      if (before === value) continue
      effects.push({ on, id, key, before, after: value })
      if (on === 'hosts' && FREEING.has(key) && Number(value) < Number(before)) this.noteFreed(id, d.object)
    }
    const duration = d.duration ?? durationOf(d.action, this.seed, this.counter++)
    const step: Step = {
      seq: ++this.count,
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
    if (this.hooks.onStep) this.hooks.onStep(step)
    else this.steps.push(step)
    this.t += duration
    this.injectDue()
    return step
  }

  private noteFreed(hostId: string, object: string): void {
    if (this.freed) this.freed.hosts.add(hostId)
    else this.freed = { hosts: new Set([hostId]), seq: this.count + 1, object }
  }

  /** Faults whose seq has come: each becomes the next step, followed by its consequences. */
  private injectDue(): void {
    while (this.pending.length > 0 && this.pending[0]!.atSeq <= this.count + 1) {
      const fault = this.pending.shift()!
      this.injected.push(fault)
      this.hooks.onFault(this, fault)
    }
  }

  /** Faults never reached because the run ended first. */
  get notInjected(): readonly Fault[] {
    return this.pending
  }
}
