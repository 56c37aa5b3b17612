/**
 * Kubernetes objects as the exporter builds them: plain JSON whose key order is the order the
 * YAML shows, plus the comments that mark what the lab inferred.
 */

export type Json = null | boolean | number | string | Json[] | { [key: string]: Json }
export type JsonObject = { [key: string]: Json }

export interface KubeMetadata {
  name: string
  namespace?: string
  labels?: Record<string, string>
  annotations?: Record<string, string>
  [key: string]: Json | undefined
}

/** A Kubernetes object: `apiVersion`, `kind`, `metadata`, then kind-specific fields. */
export interface KubeObject {
  apiVersion: string
  kind: string
  metadata: KubeMetadata
  [key: string]: Json | KubeMetadata | undefined
}

/** A YAML comment placed before the key at `path` (an empty path: before the document). */
export interface ObjectComment {
  path: readonly (string | number)[]
  text: string
}

/** One exported object with where it came from in the lab. */
export interface ExportedObject {
  object: KubeObject
  comments: readonly ObjectComment[]
  /** The lab node the object was made from. */
  nodeId: string
  /** Namespace folder it belongs to (the vSphere Namespace's name). */
  folder: string
}

/**
 * Apply order: what others need comes first (namespace and its policy objects, then claims and
 * services, then what consumes them). Kinds the lab does not model go last unless they are
 * the usual prerequisites (ConfigMaps, Secrets, ServiceAccounts).
 */
const APPLY_RANK: Readonly<Record<string, number>> = {
  Namespace: 0,
  ResourceQuota: 1,
  LimitRange: 2,
  ServiceAccount: 3,
  Role: 3,
  RoleBinding: 4,
  NetworkPolicy: 5,
  ConfigMap: 6,
  Secret: 6,
  PersistentVolumeClaim: 7,
  Service: 8,
  VirtualMachineService: 8,
  Pod: 9,
  Deployment: 9,
  VirtualMachine: 10,
  TanzuKubernetesCluster: 11,
  Cluster: 11,
}
const OTHER_RANK = 20

export const applyRank = (kind: string): number => APPLY_RANK[kind] ?? OTHER_RANK

const cmp = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0)

/** The export's one order: apply order, then kind, namespace, name. */
export function compareObjects(a: KubeObject, b: KubeObject): number {
  return (
    applyRank(a.kind) - applyRank(b.kind) ||
    cmp(a.kind, b.kind) ||
    cmp(a.metadata.namespace ?? '', b.metadata.namespace ?? '') ||
    cmp(a.metadata.name, b.metadata.name) ||
    cmp(a.apiVersion, b.apiVersion)
  )
}

/** `group/version` split; the core group is ''. */
export function splitApiVersion(apiVersion: string): { group: string; version: string } {
  const slash = apiVersion.lastIndexOf('/')
  return slash < 0
    ? { group: '', version: apiVersion }
    : { group: apiVersion.slice(0, slash), version: apiVersion.slice(slash + 1) }
}

export const isJsonObject = (value: unknown): value is JsonObject =>
  typeof value === 'object' && value !== null && !Array.isArray(value)
