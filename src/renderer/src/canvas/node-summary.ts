import { formatMemory } from '../../../shared/domain/units'
import type { LabNode, TopologyIndex } from '../../../shared/domain/topology'

const num = (v: unknown, fallback = 0) => (typeof v === 'number' ? v : fallback)
const str = (v: unknown, fallback = '') => (typeof v === 'string' ? v : fallback)
const arr = (v: unknown): unknown[] => (Array.isArray(v) ? v : [])

/** The one line under a node's name: what a user most wants to know about it at a glance. */
export function nodeSummary(node: LabNode, index: TopologyIndex): string {
  const s = node.spec
  const children = index.children.get(node.id) ?? []
  switch (node.kind) {
    case 'vcenter':
      return `vSphere ${str(s['version'])}`
    case 'cluster':
      return `${children.filter((c) => c.kind === 'host').length} hosts · HA ${s['haEnabled'] ? 'on' : 'off'} · DRS ${str(s['drsAutomation'])}`
    case 'host':
      return `${num(s['cpuCores'])} cores · ${formatMemory(num(s['memoryMiB']))}`
    case 'storage-policy':
      return `FTT ${num(s['failuresToTolerate'])}${s['encryption'] ? ' · encrypted' : ''}`
    case 'content-library':
      return `${arr(s['images']).length} images`
    case 'network':
      return str(s['type']) === 'nsx' ? `NSX · T0 ${str(s['t0Gateway'])}` : `VDS · ${str(s['loadBalancer'])}`
    case 'supervisor':
      return `${str(s['size'])} · ${num(s['zones'], 1)} zone${num(s['zones'], 1) === 1 ? '' : 's'}`
    case 'namespace':
      return `${children.length} workloads`
    case 'pod':
      return `${arr(s['containers']).length} container${arr(s['containers']).length === 1 ? '' : 's'}`
    case 'deployment':
      return `${num(s['replicas'])} replicas`
    case 'vm':
      return str(s['className'])
    case 'tkc': {
      const cp = (s['controlPlane'] ?? {}) as Record<string, unknown>
      const workers = arr(s['nodePools']).reduce<number>(
        (sum, p) => sum + num((p as Record<string, unknown>)['replicas']),
        0,
      )
      return `${num(cp['replicas'], 1)} CP · ${workers} workers`
    }
    case 'pvc':
      return formatMemory(num(s['sizeMiB']))
    case 'service':
      return str(s['type'])
    case 'control-plane-vm':
    case 'spherelet':
    case 'vm-class':
    case 'vm-image':
    case 'namespace-network':
      return 'created by the platform'
    case 'opaque':
      return 'imported, kept as is'
  }
}
