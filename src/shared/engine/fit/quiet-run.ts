import type { ResolvedTopology } from '../../domain/resolve'
import { nsHold, type StateReader } from '../accounting'
import type { RuleBook } from '../anti-affinity'
import type { Change } from '../planner'
import { asDeltas, quotaExceeded, type QuotaExceeded, type QuotaWant } from '../quota'
import { makeScopes, makeSvScopes, type NsScope } from '../scope'
import { getField, setField } from '../state'
import type { EngineState } from '../types'

/** What a workload is, in the sentences of fit problems. */
export type Noun = 'pod' | 'VM' | 'cluster node' | 'PVC' | 'Service' | 'Deployment' | 'cluster'

/** A unit of work as fit problems count it: which namespace and lab object, which unit. */
export interface Unit {
  nsId: string
  /** The lab node the unit belongs to (a Deployment for its replicas, a cluster for its nodes). */
  objectId: string
  /** The pod replica, the cluster node, or the object itself. */
  unit: string
  noun: Noun
}

export type FitRefusal = Unit &
  (
    | { what: 'quota' | 'reservation'; over: QuotaExceeded }
    | { what: 'no-host'; stage: 'kube' | 'drs'; cpuMhz: number; memoryMiB: number }
    | { what: 'host-size'; host: string; vcpus: number; memoryMiB: number }
    | { what: 'ip'; pool: string }
  )

/** Host fields whose decrease frees capacity a waiting unit may use (as the planner notes it). */
const FREEING = new Set(['reservedCpuMhz', 'reservedMemoryMiB', 'podCpuMillis', 'podMemoryMiB'])

/**
 * The working memory of validate's quiet pass: a bare state it changes as the flows would, the
 * rule members and waiting units the planner keeps (`apart`, `broken`, `unschedulable`), and the
 * refusals so far, one per unit (a unit retried with success has none).
 */
export class QuietRun implements StateReader, RuleBook {
  private readonly refused = new Map<string, FitRefusal>()
  readonly attempts = new Map<string, number>()
  readonly scope: (nsId: string) => NsScope | null
  readonly apart = new Map<string, string[]>()
  readonly broken = new Set<string>()
  /** Units waiting for capacity, in the order they began to wait, with how to retry each. */
  readonly unschedulable = new Map<string, () => boolean>()
  /** Whether capacity came free since the last retry pass. */
  freed = false

  constructor(
    readonly r: ResolvedTopology,
    readonly state: EngineState,
  ) {
    this.scope = makeScopes(r, makeSvScopes(r))
  }

  get(on: keyof EngineState, id: string, key: string) {
    return getField(this.state, on, id, key)
  }

  num(on: keyof EngineState, id: string, key: string) {
    return Number(getField(this.state, on, id, key) ?? 0)
  }

  apply(changes: readonly (Change | null)[]) {
    for (const c of changes) {
      if (!c) continue
      if (c[0] === 'hosts' && FREEING.has(c[2]) && Number(c[3]) < this.num('hosts', c[1], c[2]))
        this.freed = true
      setField(this.state, c[0], c[1], c[2], c[3])
    }
  }

  tried(nsId: string, noun: Noun) {
    const key = `${nsId} ${noun}`
    this.attempts.set(key, (this.attempts.get(key) ?? 0) + 1)
  }

  refuse(r: FitRefusal): false {
    this.refused.set(r.unit, r)
    return false
  }

  /** A unit that ended as asked (a retry that succeeded clears its earlier refusal). */
  done(unit: string): true {
    this.refused.delete(unit)
    this.unschedulable.delete(unit)
    return true
  }

  get refusals(): FitRefusal[] {
    return [...this.refused.values()]
  }

  /** A quota check and, when it passes, the hold; false when refused. */
  counted(unit: Unit, wants: readonly QuotaWant[]) {
    const over = quotaExceeded(this.state, unit.nsId, wants)
    if (over) return this.refuse({ ...unit, what: 'quota', over })
    this.apply(nsHold(this, unit.unit, unit.nsId, asDeltas(wants)))
    return true
  }
}
