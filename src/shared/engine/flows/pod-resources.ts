import { giveIp, release, status } from '../accounting'
import type { Change, Planner } from '../planner'
import { STATUS } from '../state'

/**
 * What pods share with the flows around them: the deployment, delete, VM and fault flows
 * release a pod's holds, read an image's registry and name pool addresses the same way.
 */

/** The registry host of an image reference, as a container runtime reads it. */
export function registryOf(image: string): string {
  const slash = image.indexOf('/')
  if (slash < 0) return 'docker.io'
  const first = image.slice(0, slash)
  return first.includes('.') || first.includes(':') || first === 'localhost' ? first : 'docker.io'
}

/** Everything a pod holds on its host and network, given back (the pod keeps its quota share). */
export function releasePodResources(p: Planner, id: string): Change[] {
  const out: Change[] = [...release(p, id)]
  const pool = p.get('objects', id, 'ipPool')
  if (typeof pool === 'string')
    out.push(giveIp(p, pool), ['objects', id, 'ipPool', null], ['objects', id, 'ip', null])
  if (p.state.objects[`${id}/crx`])
    out.push(...status(`${id}/crx`, STATUS.deleted), ['objects', `${id}/crx`, 'host', null])
  return out
}

/** The dotted address of the n-th allocation in a pool (skipping the network and gateway). */
export function addressOf(p: Planner, poolId: string, n: number): string {
  const cidr = String(p.get('pools', poolId, 'cidr') ?? '0.0.0.0/0')
  const m = /^(\d+)\.(\d+)\.(\d+)\.(\d+)/.exec(cidr)
  const start = m ? m.slice(1, 5).reduce((a, x) => a * 256 + Number(x), 0) : 0
  const v = start + 1 + n
  return [v >>> 24, (v >>> 16) & 255, (v >>> 8) & 255, v & 255].join('.')
}
