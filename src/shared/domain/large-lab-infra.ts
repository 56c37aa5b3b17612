import { random } from '../engine/prng'
import { defaultSpec } from './specs'
import type { LabNode, Link } from './topology'

/** Adds a node with its kind's defaults under `spec`. */
export type AddNode = (
  id: string,
  kind: LabNode['kind'],
  name: string,
  parentId: string | null,
  x: number,
  y: number,
  spec?: Record<string, unknown>,
) => void

export function nodeAdder(nodes: LabNode[]): AddNode {
  return (id, kind, name, parentId, x, y, spec = {}) =>
    nodes.push({ id, kind, name, parentId, position: { x, y }, spec: { ...defaultSpec(kind), ...spec } })
}

export const pad = (n: number, width = 2) => String(n).padStart(width, '0')

/** What the generated infrastructure is: its Supervisors, each with its hosts and namespaces to come. */
export interface Infra {
  supervisors: { id: string; name: string; hosts: number }[]
  links: Link[]
}

export interface InfraOptions {
  hosts: number
  clusters: number
  zones: 1 | 3
  seed: number | undefined
  /** Host size, the same for every host. */
  cpuCores: number
  memoryMiB: number
}

/** The networks of Supervisor `i` of `count`: one Supervisor keeps the default lab's ranges. */
function networkOf(i: number, count: number): Record<string, unknown> {
  if (count === 1)
    return { namespaceCidr: '10.128.0.0/12', ingressCidr: '10.32.0.0/20', egressCidr: '10.40.0.0/22' }
  return {
    managementStartIp: `10.10.${i}.10`,
    serviceCidr: `10.96.${i}.0/24`,
    namespaceCidr: `10.${128 + 8 * i}.0.0/13`,
    ingressCidr: `10.${32 + i}.0.0/20`,
    egressCidr: `10.${48 + i}.0.0/22`,
  }
}

/** Supervisors the address plan of `networkOf` has room for (a /13 namespace network each in 10.128.0.0/9). */
export const MAX_SUPERVISORS = 16

/**
 * A vCenter with `clusters` clusters sharing `hosts` hosts (the first clusters take one more when
 * they do not divide), a storage policy, a content library, and a Supervisor per cluster (per
 * three clusters with three zones), each with its own NSX network. Without a seed every host is
 * as busy as in the default lab; a seed varies how busy each host already is (active usage).
 */
export function addInfra(add: AddNode, o: InfraOptions): Infra {
  add('vc-1', 'vcenter', 'vcenter-01', null, 0, 0)
  const zonal = o.zones === 3
  add('sp-1', 'storage-policy', 'vsan-default', 'vc-1', 20, 800, zonal ? { zonal: true } : {})
  add('lib-1', 'content-library', 'images', 'vc-1', 240, 800, { images: ['ubuntu-22.04-server'] })
  const count = o.clusters / o.zones
  const supervisors: Infra['supervisors'] = []
  const links: Link[] = []
  let host = 0
  for (let s = 0; s < count; s++) {
    const sv = { id: `sv-${s + 1}`, name: `supervisor-${pad(s + 1)}`, hosts: 0 }
    const network = count === 1 ? 'nsx-01' : `nsx-${pad(s + 1)}`
    add(`net-${s + 1}`, 'network', network, 'vc-1', 460 + s * 220, 800, networkOf(s, count))
    add(sv.id, 'supervisor', sv.name, null, s * 4000, 1000, {
      network,
      controlPlaneStoragePolicy: 'vsan-default',
      size: 'large',
      zones: o.zones,
    })
    for (let z = 0; z < o.zones; z++) {
      const c = s * o.zones + z
      const clId = `cl-${c + 1}`
      add(clId, 'cluster', `cluster-${pad(c + 1)}`, 'vc-1', 20 + c * 3600, 50)
      links.push({ id: `link-${sv.id}-${clId}`, kind: 'supervisor-cluster', source: sv.id, target: clId })
      const inCluster = Math.floor(o.hosts / o.clusters) + (c < o.hosts % o.clusters ? 1 : 0)
      for (let h = 0; h < inCluster; h++, host++)
        add(
          `host-${pad(host + 1)}`,
          'host',
          `esxi-${pad(host + 1)}`,
          clId,
          20 + (h % 16) * 220,
          50 + Math.floor(h / 16) * 160,
          {
            cpuCores: o.cpuCores,
            memoryMiB: o.memoryMiB,
            ...activeUsage(host, o.seed),
          },
        )
      sv.hosts += inCluster
    }
    supervisors.push(sv)
  }
  return { supervisors, links }
}

/** How busy a host already is: the default lab's fixed spread, or a seeded one in the same range. */
function activeUsage(h: number, seed: number | undefined) {
  if (seed === undefined)
    return { activeCpuMhz: (h * 997) % 20000, activeMemoryMiB: ((h * 7919) % 200) * 1024 }
  return {
    activeCpuMhz: Math.floor(random(seed, 2 * h) * 20000),
    activeMemoryMiB: Math.floor(random(seed, 2 * h + 1) * 200) * 1024,
  }
}
