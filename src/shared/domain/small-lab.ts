import { parseLabDocument } from './lab-document'
import type { Kind } from './kinds'
import type { LabNode, Topology } from './topology'

/** A node to add to a small lab: kind, id, name and spec; the parent defaults by kind. */
export interface NodeInput {
  kind: Kind
  id: string
  name?: string
  parentId?: string | null
  spec?: Record<string, unknown>
}

export interface SmallLabOptions {
  /** Host specs (partial); one host per entry. Default: three default hosts. */
  hosts?: readonly Record<string, unknown>[]
  cluster?: Record<string, unknown>
  /** Spec of the storage policy `gold`. */
  policy?: Record<string, unknown>
  vcenter?: Record<string, unknown>
  network?: Record<string, unknown>
  supervisor?: Record<string, unknown>
  namespace?: Record<string, unknown>
  /** Workloads go into the namespace `ns-1` unless they name a parent. */
  nodes?: readonly NodeInput[]
}

/**
 * A small, valid lab for tests and examples: one vCenter, one cluster of hosts, a storage
 * policy `gold`, a content library `lib` with `ubuntu`, an NSX network, a Supervisor `sv-1` and
 * a namespace `ns-1` that binds `gold`, `lib`, best-effort-small and guaranteed-small.
 */
export function smallLab(o: SmallLabOptions = {}): Topology {
  const node = (
    kind: Kind,
    id: string,
    name: string,
    parentId: string | null,
    spec: Record<string, unknown> = {},
  ): LabNode => ({
    id,
    kind,
    name,
    parentId,
    position: { x: 0, y: 0 },
    spec,
  })
  const hosts = (o.hosts ?? [{}, {}, {}]).map((spec, i) =>
    node('host', `host-${i + 1}`, `esxi-${i + 1}`, 'cl-1', spec),
  )
  const parents: Partial<Record<Kind, string>> = {
    host: 'cl-1',
    namespace: 'sv-1',
    'supervisor-service': 'sv-1',
  }
  const nodes: LabNode[] = [
    node('vcenter', 'vc-1', 'vcenter', null, o.vcenter),
    node('cluster', 'cl-1', 'cluster', 'vc-1', o.cluster),
    ...hosts,
    node('storage-policy', 'sp-1', 'gold', 'vc-1', o.policy),
    node('content-library', 'lib-1', 'lib', 'vc-1', { images: ['ubuntu'] }),
    node('network', 'net-1', 'nsx', 'vc-1', o.network),
    node('supervisor', 'sv-1', 'supervisor', null, {
      network: 'nsx',
      controlPlaneStoragePolicy: 'gold',
      ...o.supervisor,
    }),
    node('namespace', 'ns-1', 'team', 'sv-1', {
      storage: [{ policy: 'gold' }],
      contentLibraries: ['lib'],
      vmClasses: ['best-effort-small', 'guaranteed-small'],
      ...o.namespace,
    }),
    ...(o.nodes ?? []).map((n) =>
      node(
        n.kind,
        n.id,
        n.name ?? n.id,
        n.parentId !== undefined ? n.parentId : (parents[n.kind] ?? 'ns-1'),
        n.spec,
      ),
    ),
  ]
  const doc = parseLabDocument(
    {
      name: 'small',
      topology: { nodes, links: [{ id: 'l-1', kind: 'supervisor-cluster', source: 'sv-1', target: 'cl-1' }] },
    },
    'smallLab',
  )
  return doc.topology
}

/** A pod spec with one container of the given requests and limits (millicores, MiB). */
export function podSpec(
  req: { cpu?: number; memory?: number } = {},
  lim: { cpu?: number; memory?: number } = {},
  image = 'nginx:1.25',
) {
  return { containers: [{ name: 'app', image, requests: req, limits: lim }] }
}
