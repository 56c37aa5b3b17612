import { holdOn, release, type StateReader } from './accounting'
import { hostdLane } from './lanes'
import type { Change, Draft, Planner } from './planner'

/**
 * Moves a VM's holds from its host to `to` (an HA restart or a vMotion) in one step, then says
 * it runs there (unless a fault moved it again in between). CPU reservations convert between
 * core speeds; memory and active usage move as held.
 */
export function migrate(
  p: Planner,
  id: string,
  to: string,
  move: Omit<Draft, 'set' | 'object'>,
  arrivedText: string,
): void {
  p.emit({ ...move, object: id, set: moveHolds(p, id, to) })
  if (p.get('objects', id, 'host') !== to) return
  p.emit({
    sequence: move.sequence,
    object: id,
    actor: hostdLane(to),
    target: hostdLane(to),
    action: 'vm-power-on',
    text: arrivedText,
  })
}

/**
 * The changes that move a VM's holds to `to`, released and held in one step (holdOn reads only
 * the new host, release only the old one). Validate's quiet pass applies the same.
 */
export function moveHolds(p: StateReader, id: string, to: string): Change[] {
  const from = String(p.get('objects', id, 'host'))
  const held = (k: string) => p.num('objects', id, k)
  const hold = {
    cpuMhz: Math.ceil(
      (held('holdCpuMhz') * p.num('hosts', to, 'mhzPerCore')) / p.num('hosts', from, 'mhzPerCore'),
    ),
    memoryMiB: held('holdMemoryMiB'),
    podCpuMillis: 0,
    podMemoryMiB: 0,
    activeCpuMhz: held('holdActiveCpuMhz'),
    activeMemoryMiB: held('holdActiveMemoryMiB'),
  }
  return [...release(p, id), ...holdOn(p, id, to, hold)]
}

/** What a VM's holds ask of a host when it moves there: its reservation back in millicores. */
export function heldNeed(p: StateReader, id: string) {
  const from = String(p.get('objects', id, 'host'))
  return {
    reserveCpuMillis: Math.ceil(
      (p.num('objects', id, 'holdCpuMhz') * 1000) / Math.max(1, p.num('hosts', from, 'mhzPerCore')),
    ),
    reserveMemoryMiB: p.num('objects', id, 'holdMemoryMiB'),
    overheadMemoryMiB: 0,
  }
}
