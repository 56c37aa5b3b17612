import { holdOn, release } from './accounting'
import { hostdLane } from './lanes'
import type { Draft, Planner } from './planner'

/**
 * Moves a VM's holds from its host to `to` (an HA restart or a vMotion) in two steps: the move,
 * then the VM on its new host, so each field change reads the state the first step left. CPU
 * reservations convert between core speeds; memory and active usage move as held.
 */
export function migrate(
  p: Planner,
  id: string,
  to: string,
  move: Omit<Draft, 'set' | 'object'>,
  arrivedText: string,
): void {
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
  p.emit({ ...move, object: id, set: release(p, id) })
  p.emit({
    sequence: move.sequence,
    object: id,
    actor: hostdLane(to),
    target: hostdLane(to),
    action: 'vm-power-on',
    text: arrivedText,
    set: holdOn(p, id, to, hold),
  })
}

/** What a VM's holds ask of a host when it moves there: its reservation back in millicores. */
export function heldNeed(p: Planner, id: string) {
  const from = String(p.get('objects', id, 'host'))
  return {
    reserveCpuMillis: Math.ceil(
      (p.num('objects', id, 'holdCpuMhz') * 1000) / Math.max(1, p.num('hosts', from, 'mhzPerCore')),
    ),
    reserveMemoryMiB: p.num('objects', id, 'holdMemoryMiB'),
    overheadMemoryMiB: 0,
  }
}
