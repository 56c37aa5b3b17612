import { describeIssues } from './describe-issues'
import type { Kind } from './kinds'
import { defaultSpec, SPEC_SCHEMAS, type SpecOf } from './specs'
import { indexTopology, type LabNode, type NodeId, type Topology, type TopologyIndex } from './topology'

/**
 * One pass over a topology that answers the questions validation and the engine both ask:
 * which hosts serve a Supervisor, which network, policy or library a name refers to, which
 * namespace a workload is in. Build once per topology.
 */
export interface ResolvedTopology {
  readonly topology: Topology
  readonly index: TopologyIndex
  /** Nodes of a kind, sorted by id. */
  ofKind(kind: Kind): readonly LabNode[]
  /** The node's spec with defaults filled; the defaults when the stored spec is invalid. */
  spec<K extends Kind>(node: LabNode & { kind: K }): SpecOf<K>
  /** Why the stored spec is invalid, or undefined. */
  specError(id: NodeId): string | undefined
  clustersOf(supervisorId: NodeId): readonly LabNode[]
  supervisorsOf(clusterId: NodeId): readonly LabNode[]
  /** Hosts of a cluster, or of every cluster a Supervisor is bound to, sorted by id. */
  hostsOf(clusterOrSupervisorId: NodeId): readonly LabNode[]
  /** The network stack a Supervisor names, looked up by name. */
  networkOf(supervisorId: NodeId): LabNode | undefined
  /** First node of `kind` with this name (by id order). */
  byName(kind: Kind, name: string): LabNode | undefined
  /** The Supervisor a namespace is in, or the namespace a workload is in. */
  parentOfKind(id: NodeId, kind: Kind): LabNode | undefined
}

export function resolveTopology(topology: Topology): ResolvedTopology {
  const index = indexTopology(topology)
  const byKind = new Map<Kind, LabNode[]>()
  const names = new Map<string, LabNode>()
  const specs = new Map<NodeId, unknown>()
  const errors = new Map<NodeId, string>()
  const sorted = [...topology.nodes].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0))
  for (const node of sorted) {
    const list = byKind.get(node.kind)
    if (list) list.push(node)
    else byKind.set(node.kind, [node])
    const key = `${node.kind}\u0000${node.name}`
    if (!names.has(key)) names.set(key, node)
    const parsed = parseSpecCached(node)
    specs.set(node.id, parsed.spec)
    if (parsed.error !== undefined) errors.set(node.id, parsed.error)
  }
  const clusters = new Map<NodeId, LabNode[]>()
  const supervisors = new Map<NodeId, LabNode[]>()
  for (const link of [...topology.links].sort((a, b) => (a.id < b.id ? -1 : 1))) {
    const sv = index.byId.get(link.source)
    const cl = index.byId.get(link.target)
    if (sv?.kind !== 'supervisor' || cl?.kind !== 'cluster') continue
    push(clusters, sv.id, cl)
    push(supervisors, cl.id, sv)
  }
  const hostCache = new Map<NodeId, LabNode[]>()
  const hostsOf = (id: NodeId): LabNode[] => {
    const cached = hostCache.get(id)
    if (cached) return cached
    const node = index.byId.get(id)
    const clusterList = node?.kind === 'cluster' ? [node] : (clusters.get(id) ?? [])
    const hosts = clusterList
      .flatMap((c) => (index.children.get(c.id) ?? []).filter((n) => n.kind === 'host'))
      .sort((a, b) => (a.id < b.id ? -1 : 1))
    hostCache.set(id, hosts)
    return hosts
  }
  const byName = (kind: Kind, name: string) => names.get(`${kind}\u0000${name}`)
  return {
    topology,
    index,
    ofKind: (kind) => byKind.get(kind) ?? [],
    spec: <K extends Kind>(node: LabNode & { kind: K }) => specs.get(node.id) as SpecOf<K>,
    specError: (id) => errors.get(id),
    clustersOf: (id) => clusters.get(id) ?? [],
    supervisorsOf: (id) => supervisors.get(id) ?? [],
    hostsOf,
    networkOf: (id) => {
      const sv = index.byId.get(id)
      if (sv?.kind !== 'supervisor') return undefined
      return byName('network', (specs.get(id) as SpecOf<'supervisor'>).network)
    },
    byName,
    parentOfKind: (id, kind) => {
      for (let n = index.byId.get(id); n && n.parentId !== null;) {
        n = index.byId.get(n.parentId)
        if (n?.kind === kind) return n
      }
      return undefined
    },
  }
}

/**
 * Parsed specs by spec object. Topologies are immutable and edits replace only the specs they
 * change, so re-validating after an edit parses just the edited nodes.
 */
const SPEC_CACHE = new WeakMap<object, { kind: Kind; spec: unknown; error?: string }>()

function parseSpecCached(node: LabNode): { spec: unknown; error?: string } {
  const hit = SPEC_CACHE.get(node.spec)
  if (hit?.kind === node.kind) return hit
  const parsed = SPEC_SCHEMAS[node.kind].safeParse(node.spec)
  const entry = parsed.success
    ? { kind: node.kind, spec: parsed.data as unknown }
    : { kind: node.kind, spec: defaultSpec(node.kind) as unknown, error: describeIssues(parsed.error) }
  SPEC_CACHE.set(node.spec, entry)
  return entry
}

function push<K, V>(map: Map<K, V[]>, key: K, value: V) {
  const list = map.get(key)
  if (list) list.push(value)
  else map.set(key, [value])
}

/** Narrows a node to a kind, for typed spec access. */
export function isKind<K extends Kind>(node: LabNode | undefined, kind: K): node is LabNode & { kind: K } {
  return node?.kind === kind
}
