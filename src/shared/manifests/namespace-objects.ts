import type { NamespaceSpecT } from '../domain/specs'
import { formatCpu, formatMemory } from '../domain/units'
import type { JsonObject, KubeObject, ObjectComment } from './kube-object'
import {
  CLUSTER_LABEL,
  INFERRED,
  LAB_ANNOTATIONS,
  limitRangeName,
  NETWORK_POLICY_443,
  quotaName,
  ROLE_TO_CLUSTER_ROLE,
  roleBindingName,
  ssoSubject,
  UNLIMITED_QUANTITY,
} from './lab-annotations'

/** What a namespace's objects need from around it in the topology. */
export interface NamespaceContext {
  name: string
  spec: NamespaceSpecT
  /** Name of the vSphere cluster the Supervisor runs on ('' when unbound). */
  clusterName: string
  /** MHz per core of the cluster's slowest host, to express the MHz limit in cores (0: unknown). */
  mhzPerCore: number
}

export interface Built {
  object: KubeObject
  comments: ObjectComment[]
}

/** The Kubernetes Namespace; settings without a Kubernetes form ride along as lab annotations. */
export function namespaceObject(ctx: NamespaceContext): Built {
  const { spec } = ctx
  const a: Record<string, string> = {}
  if (spec.description) a[LAB_ANNOTATIONS.description] = spec.description
  if (spec.cpuLimitMhz !== undefined) a[LAB_ANNOTATIONS.cpuLimitMhz] = String(spec.cpuLimitMhz)
  if (spec.vmClasses.length) a[LAB_ANNOTATIONS.vmClasses] = spec.vmClasses.join(',')
  if (spec.contentLibraries.length) a[LAB_ANNOTATIONS.contentLibraries] = spec.contentLibraries.join(',')
  const net = spec.networkOverride
  if (net?.namespaceCidr) a[LAB_ANNOTATIONS.namespaceCidr] = net.namespaceCidr
  if (net?.ingressCidr) a[LAB_ANNOTATIONS.ingressCidr] = net.ingressCidr
  if (net?.egressCidr) a[LAB_ANNOTATIONS.egressCidr] = net.egressCidr
  if (net?.t0Gateway) a[LAB_ANNOTATIONS.t0Gateway] = net.t0Gateway
  if (spec.policies.auditLogs) a[LAB_ANNOTATIONS.auditLogs] = 'true'
  if (spec.policies.drSite) a[LAB_ANNOTATIONS.drSite] = spec.policies.drSite
  if (spec.policies.snapshotSchedule) a[LAB_ANNOTATIONS.snapshotSchedule] = spec.policies.snapshotSchedule
  const metadata: KubeObject['metadata'] = { name: ctx.name }
  const comments: ObjectComment[] = []
  if (ctx.clusterName) {
    metadata.labels = { [CLUSTER_LABEL]: ctx.clusterName }
    comments.push({ path: ['metadata', 'labels', CLUSTER_LABEL], text: INFERRED.clusterId })
  }
  if (Object.keys(a).length) {
    metadata.annotations = a
    comments.push({ path: ['metadata', 'annotations'], text: INFERRED.labAnnotations })
  }
  return { object: { apiVersion: 'v1', kind: 'Namespace', metadata }, comments }
}

const COUNT_KEYS = {
  pods: 'count/pods',
  services: 'count/services',
  deployments: 'count/deployments.apps',
  persistentVolumeClaims: 'count/persistentvolumeclaims',
  configMaps: 'count/configmaps',
  secrets: 'count/secrets',
} as const
export const OBJECT_COUNT_KEYS = COUNT_KEYS

export const storageClassQuotaKey = (sc: string) => `${sc}.storageclass.storage.k8s.io/requests.storage`

/** Limits, object counts and per-storage-class requests (DOMAIN.md 2); null when there are none. */
export function resourceQuotaObject(ctx: NamespaceContext): Built | null {
  const { spec } = ctx
  const hard: Record<string, string> = {}
  const comments: ObjectComment[] = []
  if (spec.cpuLimitMhz !== undefined && ctx.mhzPerCore > 0) {
    hard['limits.cpu'] = formatCpu(Math.floor((spec.cpuLimitMhz * 1000) / ctx.mhzPerCore))
    comments.push({ path: ['spec', 'hard', 'limits.cpu'], text: INFERRED.cpuLimit })
  }
  if (spec.memoryLimitMiB !== undefined) hard['limits.memory'] = formatMemory(spec.memoryLimitMiB)
  if (spec.storageLimitMiB !== undefined) hard['requests.storage'] = formatMemory(spec.storageLimitMiB)
  for (const [field, key] of Object.entries(COUNT_KEYS)) {
    const n = spec.objectCounts[field as keyof typeof COUNT_KEYS]
    if (n !== undefined) hard[key] = String(n)
  }
  for (const s of spec.storage)
    hard[storageClassQuotaKey(s.policy)] =
      s.limitMiB === undefined ? UNLIMITED_QUANTITY : formatMemory(s.limitMiB)
  if (Object.keys(hard).length === 0) return null
  comments.unshift({ path: [], text: INFERRED.quota })
  return {
    object: {
      apiVersion: 'v1',
      kind: 'ResourceQuota',
      metadata: { name: quotaName(ctx.name), namespace: ctx.name },
      spec: { hard },
    },
    comments,
  }
}

/** Per-container defaults as a LimitRange; null when the namespace sets none. */
export function limitRangeObject(ctx: NamespaceContext): Built | null {
  const d = ctx.spec.containerDefaults
  const limits: JsonObject = {}
  const requests: JsonObject = {}
  if (d.cpuLimit !== undefined) limits.cpu = formatCpu(d.cpuLimit)
  if (d.memoryLimit !== undefined) limits.memory = formatMemory(d.memoryLimit)
  if (d.cpuRequest !== undefined) requests.cpu = formatCpu(d.cpuRequest)
  if (d.memoryRequest !== undefined) requests.memory = formatMemory(d.memoryRequest)
  if (!Object.keys(limits).length && !Object.keys(requests).length) return null
  const item: JsonObject = { type: 'Container' }
  if (Object.keys(limits).length) item.default = limits
  if (Object.keys(requests).length) item.defaultRequest = requests
  return {
    object: {
      apiVersion: 'v1',
      kind: 'LimitRange',
      metadata: { name: limitRangeName(ctx.name), namespace: ctx.name },
      spec: { limits: [item] },
    },
    comments: [{ path: [], text: INFERRED.limitRange }],
  }
}

/** One RoleBinding per permission entry: OWNER admin-like, EDIT edit-like, VIEW view-like. */
export function roleBindingObjects(ctx: NamespaceContext): Built[] {
  return ctx.spec.permissions.map((p) => ({
    object: {
      apiVersion: 'rbac.authorization.k8s.io/v1',
      kind: 'RoleBinding',
      metadata: { name: roleBindingName(ctx.name, p.subjectType, p.domain, p.subject), namespace: ctx.name },
      roleRef: {
        apiGroup: 'rbac.authorization.k8s.io',
        kind: 'ClusterRole',
        name: ROLE_TO_CLUSTER_ROLE[p.role],
      },
      subjects: [
        {
          apiGroup: 'rbac.authorization.k8s.io',
          kind: p.subjectType === 'USER' ? 'User' : 'Group',
          name: ssoSubject(p.subject, p.domain),
        },
      ],
    },
    comments: [{ path: [], text: `${INFERRED.roleBinding} (namespace role ${p.role})` }],
  }))
}

/** The seed deck's "only 443": ingress to every pod of the namespace on TCP 443 only. */
export function networkPolicyObject(ctx: NamespaceContext): Built | null {
  if (!ctx.spec.policies.allowOnlyPort443) return null
  return {
    object: {
      apiVersion: 'networking.k8s.io/v1',
      kind: 'NetworkPolicy',
      metadata: { name: NETWORK_POLICY_443, namespace: ctx.name },
      spec: {
        podSelector: {},
        policyTypes: ['Ingress'],
        ingress: [{ ports: [{ protocol: 'TCP', port: 443 }] }],
      },
    },
    comments: [{ path: [], text: INFERRED.networkPolicy }],
  }
}
