/**
 * Node kinds of a lab. The ids are used in code, the lab format, the CLI and `data-kind`.
 * DESIGN.md section 3; DOMAIN.md 1.3 splits what a user places from what the platform creates.
 */
export const PLACEABLE_KINDS = [
  'vcenter',
  'cluster',
  'host',
  'storage-policy',
  'content-library',
  'network',
  'supervisor',
  'supervisor-service',
  'namespace',
  'pod',
  'deployment',
  'vm',
  'tkc',
  'pvc',
  'service',
] as const

/** Shown on the canvas but never placed: the platform creates them (read-only). */
export const READ_ONLY_KINDS = [
  'control-plane-vm',
  'spherelet',
  'vm-class',
  'vm-image',
  'namespace-network',
  'opaque',
] as const

export const KINDS = [...PLACEABLE_KINDS, ...READ_ONLY_KINDS] as const

export type PlaceableKind = (typeof PLACEABLE_KINDS)[number]
export type ReadOnlyKind = (typeof READ_ONLY_KINDS)[number]
export type Kind = (typeof KINDS)[number]

export const WORKLOAD_KINDS = ['pod', 'deployment', 'vm', 'tkc', 'pvc', 'service'] as const
export type WorkloadKind = (typeof WORKLOAD_KINDS)[number]

export function isWorkloadKind(kind: Kind): kind is WorkloadKind {
  return (WORKLOAD_KINDS as readonly Kind[]).includes(kind)
}

export function isPlaceableKind(kind: Kind): kind is PlaceableKind {
  return (PLACEABLE_KINDS as readonly Kind[]).includes(kind)
}

/**
 * Where each kind may live on the canvas (DOMAIN.md 1.2). `null` means the canvas root.
 * A Supervisor sits beside the vCenter and is bound to its cluster(s) by a link, not nested.
 */
export const ALLOWED_PARENTS: Readonly<Record<Kind, readonly (Kind | null)[]>> = {
  vcenter: [null],
  cluster: ['vcenter'],
  host: ['cluster'],
  'storage-policy': ['vcenter'],
  'content-library': ['vcenter'],
  network: ['vcenter'],
  supervisor: [null],
  'supervisor-service': ['supervisor'],
  namespace: ['supervisor'],
  pod: ['namespace'],
  deployment: ['namespace'],
  vm: ['namespace'],
  tkc: ['namespace'],
  pvc: ['namespace'],
  service: ['namespace'],
  'control-plane-vm': ['supervisor'],
  spherelet: ['host'],
  'vm-class': ['namespace'],
  'vm-image': ['namespace'],
  'namespace-network': ['namespace'],
  opaque: ['namespace'],
}

/** Kinds that hold other nodes and are drawn as groups. */
export const CONTAINER_KINDS: readonly Kind[] = ['vcenter', 'cluster', 'host', 'supervisor', 'namespace']

export const KIND_LABELS: Readonly<Record<Kind, string>> = {
  vcenter: 'vCenter',
  cluster: 'vSphere cluster',
  host: 'ESXi host',
  'storage-policy': 'Storage policy',
  'content-library': 'Content library',
  network: 'Network stack',
  supervisor: 'Supervisor',
  'supervisor-service': 'Supervisor Service',
  namespace: 'vSphere Namespace',
  pod: 'vSphere Pod',
  deployment: 'Deployment',
  vm: 'VM Service VM',
  tkc: 'Kubernetes cluster',
  pvc: 'PersistentVolumeClaim',
  service: 'LoadBalancer Service',
  'control-plane-vm': 'Control-plane VM',
  spherelet: 'Spherelet',
  'vm-class': 'VM class',
  'vm-image': 'VM image',
  'namespace-network': 'Namespace network',
  opaque: 'Imported object',
}

/** Prefix of generated names, chosen to be valid DNS labels. */
export const NAME_PREFIX: Readonly<Record<Kind, string>> = {
  vcenter: 'vcenter',
  cluster: 'cluster',
  host: 'esxi',
  'storage-policy': 'policy',
  'content-library': 'library',
  network: 'nsx',
  supervisor: 'supervisor',
  'supervisor-service': 'svc',
  namespace: 'namespace',
  pod: 'pod',
  deployment: 'deployment',
  vm: 'vm',
  tkc: 'cluster',
  pvc: 'pvc',
  service: 'service',
  'control-plane-vm': 'supervisorcontrolplanevm',
  spherelet: 'spherelet',
  'vm-class': 'vmclass',
  'vm-image': 'vmi',
  'namespace-network': 'network',
  opaque: 'object',
}
