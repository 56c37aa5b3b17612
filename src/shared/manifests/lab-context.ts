import type { SpecOf } from '../domain/specs'
import { indexTopology, type LabNode, type Topology, type TopologyIndex } from '../domain/topology'

/** A topology indexed once, with the lookups export and import share. */
export interface LabContext {
  readonly topology: Topology
  readonly index: TopologyIndex
  /** The clusters a Supervisor is bound to, by name. */
  clustersOf(supervisor: LabNode): LabNode[]
  /** The Supervisor bound to a cluster, if any. */
  supervisorOf(cluster: LabNode): LabNode | undefined
  /** The network stack node a Supervisor names, if it exists. */
  networkOf(supervisor: LabNode): LabNode | undefined
  ofKind(kind: LabNode['kind']): LabNode[]
}

const byName = (a: LabNode, b: LabNode) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0)

export function labContext(topology: Topology): LabContext {
  const index = indexTopology(topology)
  // Nodes by kind, gathered once: a namespace's network is asked for once per namespace.
  const byKind = new Map<LabNode['kind'], LabNode[]>()
  for (const n of topology.nodes) {
    const list = byKind.get(n.kind)
    if (list) list.push(n)
    else byKind.set(n.kind, [n])
  }
  const ofKind = (kind: LabNode['kind']) => [...(byKind.get(kind) ?? [])]
  return {
    topology,
    index,
    ofKind,
    clustersOf: (supervisor) =>
      topology.links
        .filter((l) => l.source === supervisor.id)
        .map((l) => index.byId.get(l.target))
        .filter((n): n is LabNode => n?.kind === 'cluster')
        .sort(byName),
    supervisorOf: (cluster) => {
      const link = topology.links.find((l) => l.target === cluster.id)
      return link ? index.byId.get(link.source) : undefined
    },
    networkOf: (supervisor) => {
      const name = (supervisor.spec as SpecOf<'supervisor'>).network
      return ofKind('network').find((n) => n.name === name)
    },
  }
}

/** The namespace's Supervisor (its parent). */
export const supervisorOfNamespace = (ctx: LabContext, ns: LabNode) =>
  ns.parentId === null ? undefined : ctx.index.byId.get(ns.parentId)

/** MHz per core of the slowest host of a cluster, 0 when it has none. */
export function slowestCoreMhz(ctx: LabContext, cluster: LabNode | undefined): number {
  if (!cluster) return 0
  const hosts = (ctx.index.children.get(cluster.id) ?? []).filter((h) => h.kind === 'host')
  const mhz = hosts.map((h) => (h.spec as SpecOf<'host'>).cpuMhzPerCore)
  return mhz.length ? Math.min(...mhz) : 0
}
