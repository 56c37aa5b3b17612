import type { WorkloadKind } from '../domain/kinds'

/**
 * The `.lab.yaml` format ("lab as code"), documented in docs/lab-format.md with a JSON Schema
 * in resources/lab-format.schema.json. Infrastructure is a small tree (vCenters with their
 * clusters, hosts, policies, libraries and networks; Supervisors with their cluster bindings
 * and namespaces); workloads are Kubernetes-style objects whose `spec` is the lab's own spec.
 */
export const LAB_TEXT_FORMAT = 'pacific-lab/v1'

/** Annotations that carry what Kubernetes objects have no field for. */
export const ID_ANNOTATION = 'pacific-lab/id'
export const POSITION_ANNOTATION = 'pacific-lab/position'

/** apiVersion and kind of each workload kind; a TKC's `spec.api` picks one of two. */
export const WORKLOAD_TYPES: readonly {
  kind: WorkloadKind
  apiVersion: string
  objectKind: string
  tkcApi?: 'tkc' | 'capi'
}[] = [
  { kind: 'pod', apiVersion: 'v1', objectKind: 'Pod' },
  { kind: 'deployment', apiVersion: 'apps/v1', objectKind: 'Deployment' },
  { kind: 'vm', apiVersion: 'vmoperator.vmware.com/v1alpha3', objectKind: 'VirtualMachine' },
  {
    kind: 'tkc',
    apiVersion: 'run.tanzu.vmware.com/v1alpha3',
    objectKind: 'TanzuKubernetesCluster',
    tkcApi: 'tkc',
  },
  { kind: 'tkc', apiVersion: 'cluster.x-k8s.io/v1beta1', objectKind: 'Cluster', tkcApi: 'capi' },
  { kind: 'pvc', apiVersion: 'v1', objectKind: 'PersistentVolumeClaim' },
  { kind: 'service', apiVersion: 'v1', objectKind: 'Service' },
]

/** Keys under a vCenter, in the order they are written, with the kind each holds. */
export const VCENTER_CHILDREN = [
  ['clusters', 'cluster'],
  ['storagePolicies', 'storage-policy'],
  ['contentLibraries', 'content-library'],
  ['networks', 'network'],
] as const

/** One problem in a lab text; `where` is `file:line:column` (1-based). */
export interface LabTextProblem {
  where: string
  problem: string
}

/** The problems that made a lab text unreadable, each with its place; the message lists them. */
export class LabTextError extends Error {
  constructor(readonly problems: readonly LabTextProblem[]) {
    super(problems.map((p) => `${p.where}: ${p.problem}`).join('\n'))
  }
}

/** A shape problem from the JSON Schema check: `path` is the place in the parsed value. */
export interface ShapeIssue {
  path: readonly (string | number)[]
  message: string
}

/** Checks a parsed lab text against the JSON Schema (Node side, with ajv); [] when it fits. */
export type ShapeValidator = (value: unknown) => ShapeIssue[]
