import type { EngineState, Step } from '../../../shared/engine/types'
import type { Chip } from './session-types'

const PLACED_KINDS = new Set(['pod', 'vm', 'control-plane-vm', 'tkc-node'])
const placed = (kind: string) => PLACED_KINDS.has(kind) || kind.endsWith('vm')

/** Seeks longer than this rebuild the index from the whole state instead of walking effects. */
export const INCREMENTAL_LIMIT = 4000

/**
 * Which PodVMs and VMs sit on which host, kept up to date from the `host` effects of the steps a
 * seek walks, so a short seek rebuilds the chips of the few hosts it touched, not of all.
 */
export class ChipIndex {
  private hostOf = new Map<string, string>()
  private members = new Map<string, Set<string>>()
  chips: Record<string, Chip[]> = {}

  /** Rebuilds from the whole state (after loading a run or a far jump). */
  rebuild(state: EngineState): void {
    this.hostOf.clear()
    this.members.clear()
    for (const id in state.objects) {
      const host = state.objects[id]!['host']
      if (typeof host === 'string' && !id.endsWith('/crx')) this.place(id, host)
    }
    this.chips = {}
    for (const host of this.members.keys()) this.refresh(state, host)
  }

  /** Moves from step position `from` to `to` (state is already at `to`). */
  move(state: EngineState, steps: readonly Step[], from: number, to: number): void {
    if (Math.abs(to - from) > INCREMENTAL_LIMIT) return this.rebuild(state)
    const touched = new Set<string>()
    const forward = to > from
    for (let k = Math.min(from, to); k < Math.max(from, to); k++) {
      const effects = steps[k]!.effects
      for (let j = 0; j < effects.length; j++) {
        const e = effects[forward ? j : effects.length - 1 - j]!
        if (e.on !== 'objects' || e.id.endsWith('/crx')) continue
        if (e.key === 'host') {
          const old = this.hostOf.get(e.id)
          if (old) touched.add(old)
          this.unplace(e.id)
          const now = forward ? e.after : e.before
          if (typeof now === 'string') {
            this.place(e.id, now)
            touched.add(now)
          }
        } else if (e.key === 'status' || e.key === 'name') {
          const host = this.hostOf.get(e.id)
          if (host) touched.add(host)
        }
      }
    }
    if (touched.size === 0) return
    this.chips = { ...this.chips }
    for (const host of touched) this.refresh(state, host)
  }

  private place(id: string, host: string) {
    this.hostOf.set(id, host)
    let set = this.members.get(host)
    if (!set) this.members.set(host, (set = new Set()))
    set.add(id)
  }

  private unplace(id: string) {
    const host = this.hostOf.get(id)
    if (host === undefined) return
    this.hostOf.delete(id)
    this.members.get(host)?.delete(id)
  }

  private refresh(state: EngineState, host: string) {
    const list: Chip[] = []
    for (const id of [...(this.members.get(host) ?? [])].sort()) {
      const o = state.objects[id]
      const kind = String(o?.['kind'] ?? '')
      if (o && placed(kind))
        list.push({ id, name: String(o['name'] ?? id), kind, status: String(o['status'] ?? '') })
    }
    if (list.length > 0) this.chips[host] = list
    else delete this.chips[host]
  }
}
