import {
  serviceVersionOf,
  SUPERVISOR_SERVICES,
  type ServiceEntry,
  type ServiceKey,
} from '../../../shared/domain/rules/supervisor-services'
import { formatCpu, formatMemory } from '../../../shared/domain/units'
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
      return hostSummary(s)
    case 'storage-policy':
      return `FTT ${num(s['failuresToTolerate'])}${s['encryption'] ? ' · encrypted' : ''}`
    case 'content-library':
      return `${arr(s['images']).length} image${arr(s['images']).length === 1 ? '' : 's'}`
    case 'network':
      return networkSummary(s)
    case 'supervisor':
      return `${str(s['size'])} · ${num(s['zones'], 1)} zone${num(s['zones'], 1) === 1 ? '' : 's'}`
    case 'supervisor-service':
      return serviceSummary(s)
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

/**
 * What a collapsed container shows instead of its children: counts by kind and, for a
 * namespace, the CPU and memory its workloads request against its limits.
 */
export function collapsedSummary(node: LabNode, index: TopologyIndex): string {
  // Walking thousands of members again on every redraw of a large lab (a collapse, a reveal)
  // would cost more than the rest of the redraw: kept per index (one per topology) and node.
  let known = summaries.get(index)
  if (!known) summaries.set(index, (known = new WeakMap()))
  let summary = known.get(node)
  if (summary === undefined) known.set(node, (summary = summarise(node, index)))
  return summary
}

const summaries = new WeakMap<TopologyIndex, WeakMap<LabNode, string>>()

function summarise(node: LabNode, index: TopologyIndex): string {
  const counts = new Map<string, number>()
  let cpu = 0
  let memory = 0
  const stack = [...(index.children.get(node.id) ?? [])]
  for (let child = stack.pop(); child; child = stack.pop()) {
    counts.set(child.kind, (counts.get(child.kind) ?? 0) + 1)
    stack.push(...(index.children.get(child.id) ?? []))
    if (child.kind === 'pod' || child.kind === 'deployment') {
      const replicas = child.kind === 'deployment' ? num(child.spec['replicas'], 1) : 1
      for (const c of arr(child.spec['containers'])) {
        const requests = ((c as Record<string, unknown>)['requests'] ?? {}) as Record<string, unknown>
        cpu += num(requests['cpu']) * replicas
        memory += num(requests['memory']) * replicas
      }
    }
  }
  const parts = [...counts].map(([kind, n]) => `${n} ${kind}${n === 1 ? '' : 's'}`)
  if (node.kind === 'namespace') {
    const memLimit = num(node.spec['memoryLimitMiB'])
    parts.push(
      `requests ${formatCpu(cpu)} CPU, ${formatMemory(memory)}${memLimit ? ` of ${formatMemory(memLimit)}` : ''}`,
    )
  }
  return parts.length > 0 ? parts.join(' · ') : 'empty'
}

function networkSummary(s: Record<string, unknown>): string {
  const type = str(s['type'], 'nsx')
  if (type === 'nsx') return `NSX · T0 ${str(s['t0Gateway'])}`
  if (type === 'nsx-vpc') return `NSX VPC · ${str(s['nsxProject']) || 'default project'}`
  return `VDS · ${str(s['loadBalancer'])}`
}

function serviceSummary(s: Record<string, unknown>): string {
  const key = str(s['service'], 'harbor') as ServiceKey
  const entry = SUPERVISOR_SERVICES[key] as ServiceEntry | undefined
  return `${entry?.label ?? key} ${serviceVersionOf(key, str(s['version']))}`
}

/** A host's capacity: cores and memory. */
function hostSummary(s: Record<string, unknown>): string {
  return `${num(s['cpuCores'])} cores · ${formatMemory(num(s['memoryMiB']))}`
}

/**
 * How busy a host already is before anything of the lab runs on it (its active usage), as the
 * host card's second line shows it; empty when idle.
 */
export function hostUsageLine(s: Record<string, unknown>): string {
  const mhz = num(s['cpuCores']) * num(s['cpuMhzPerCore'])
  const cpuUse = mhz > 0 ? Math.round((num(s['activeCpuMhz']) / mhz) * 100) : 0
  const memUse =
    num(s['memoryMiB']) > 0 ? Math.round((num(s['activeMemoryMiB']) / num(s['memoryMiB'])) * 100) : 0
  return cpuUse || memUse ? `in use: CPU ${cpuUse}%, mem ${memUse}%` : ''
}
