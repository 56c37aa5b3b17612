import type { Kind } from '../../domain/kinds'
import type { NamespaceSpecT } from '../../domain/specs'
import { isJsonObject, splitApiVersion, type JsonObject } from '../kube-object'
import { CLUSTER_LABEL } from '../lab-annotations'
import { formatPath, type SchemaValidator } from '../schema-check'
import { classify, type Role } from './classify'
import { droppedFields } from './modelled-fields'
import type { ImportError, ParsedObject } from './parse-files'
import { readCapiCluster, readTkc, readVm } from './read-vm-cluster'
import {
  isOnly443Policy,
  readLimitRange,
  readNamespaceObject,
  readQuota,
  readRoleBinding,
} from './read-namespace'
import { readDeployment, readPod, readPvc, readService, stringMap, type Fail } from './read-workloads'

/** What the files say about one namespace. */
export interface NamespaceBucket {
  name: string
  /** Set when the files hold the Namespace object: the namespace is then described whole. */
  namespace?: { object: ParsedObject; clusterName: string; part: Partial<NamespaceSpecT> }
  parts: Partial<NamespaceSpecT>[]
  permissions: NamespaceSpecT['permissions']
  allowOnlyPort443: boolean
  workloads: { kind: Kind; name: string; spec: Record<string, unknown>; source: ParsedObject }[]
}

export interface CollectOptions {
  validate?: SchemaValidator | undefined
  /** Namespace for namespaced objects that name none (what `kubectl -n` would give). */
  defaultNamespace?: string | undefined
  /** MHz per core of the cluster a namespace lives on, to turn `limits.cpu` into MHz. */
  mhzPerCore: (namespace: string) => number
}

const err = (o: ParsedObject, path: (string | number)[], message: string, schema?: string): ImportError => ({
  file: o.file,
  ...o.at(path),
  message,
  ...(path.length ? { path: formatPath(path) } : {}),
  ...(schema ? { schema } : {}),
})

/** Sorts every parsed object into its namespace's bucket, collecting every error on the way. */
export function collect(objects: readonly ParsedObject[], options: CollectOptions) {
  const errors: ImportError[] = []
  const warnings: ImportError[] = []
  const buckets = new Map<string, NamespaceBucket>()
  const seen = new Map<string, ParsedObject>()
  const bucket = (name: string) => {
    let b = buckets.get(name)
    if (!b) {
      b = { name, parts: [], permissions: [], allowOnlyPort443: false, workloads: [] }
      buckets.set(name, b)
    }
    return b
  }
  for (const source of objects) {
    const o = source.object
    const fail: Fail = (path, message) => {
      errors.push(err(source, path, message))
      return null
    }
    if (typeof o.apiVersion !== 'string') {
      fail(['apiVersion'], 'apiVersion is missing or not a string')
      continue
    }
    if (typeof o.kind !== 'string') {
      fail(['kind'], 'kind is missing or not a string')
      continue
    }
    const meta = isJsonObject(o.metadata) ? o.metadata : null
    const name = meta?.name
    if (typeof name !== 'string' || !name) {
      fail(['metadata'], `${o.kind} has no metadata.name`)
      continue
    }
    const c = classify(o.apiVersion, o.kind)
    if ('error' in c) {
      fail(['apiVersion'], c.error)
      continue
    }
    const check = options.validate?.(o as never)
    if (check?.issues.length) {
      for (const issue of check.issues)
        errors.push(
          err(
            source,
            issue.path,
            `${o.kind} ${name}: ${issue.message}`,
            `${check.schema} ${issue.schemaPath}`,
          ),
        )
      continue
    }
    const ns =
      c.role === 'namespace'
        ? name
        : typeof meta?.namespace === 'string'
          ? meta.namespace
          : options.defaultNamespace
    if (!ns) {
      fail(
        ['metadata'],
        `${o.kind} ${name} names no namespace (metadata.namespace); the lab keeps objects in vSphere Namespaces`,
      )
      continue
    }
    const key = `${splitApiVersion(o.apiVersion).group}/${o.kind}/${ns}/${name}`
    const first = seen.get(key)
    if (first) {
      const at = first.at([])
      fail(
        ['metadata', 'name'],
        `duplicate: ${o.kind} ${ns}/${name} is also defined at ${first.file}:${at.line}:${at.col}`,
      )
      continue
    }
    seen.set(key, source)
    const b = bucket(ns)
    const kind = o.kind
    const opaque = () => b.workloads.push({ kind: 'opaque', name, spec: { manifest: o }, source })
    const warnDropped = (role: Role) => {
      for (const path of droppedFields(o, role))
        warnings.push(
          err(
            source,
            path,
            `${kind} ${ns}/${name}: ${formatPath(path)} is not modelled by the lab and is dropped`,
          ),
        )
    }
    const workload = (kind: Kind, spec: object | null) => {
      if (!spec) return
      b.workloads.push({ kind, name, spec: spec as Record<string, unknown>, source })
      warnDropped(c.role as Role)
    }
    switch (c.role) {
      case 'namespace':
        b.namespace = {
          object: source,
          clusterName: stringMap(meta?.labels)[CLUSTER_LABEL] ?? '',
          part: readNamespaceObject(o),
        }
        warnDropped('namespace')
        break
      case 'quota': {
        const part = readQuota(o, options.mhzPerCore(ns), fail)
        if (part === 'opaque') opaque()
        else if (part) b.parts.unshift(part) // annotations and limit ranges win over the quota's CPU in cores
        break
      }
      case 'limit-range': {
        const part = readLimitRange(o, fail)
        if (part === 'opaque') opaque()
        else if (part) b.parts.push(part)
        break
      }
      case 'role-binding': {
        const p = readRoleBinding(o)
        if (p === 'opaque') opaque()
        else b.permissions.push(p)
        break
      }
      case 'network-policy':
        if (isOnly443Policy(o)) b.allowOnlyPort443 = true
        else opaque()
        break
      case 'pod':
        workload('pod', readPod(o, fail))
        break
      case 'deployment':
        workload('deployment', readDeployment(o, fail))
        break
      case 'service':
      case 'vm-service':
        workload('service', readService(o, fail))
        break
      case 'pvc':
        workload('pvc', readPvc(o, fail))
        break
      case 'vm':
        workload('vm', readVm(o, fail))
        break
      case 'tkc':
        workload('tkc', readTkc(o, fail))
        break
      case 'capi-cluster': {
        const topology = isJsonObject(o.spec) && isJsonObject(o.spec.topology) ? o.spec.topology : {}
        if (topology.class !== 'tanzukubernetescluster') opaque()
        else workload('tkc', readCapiCluster(o, fail))
        break
      }
      case 'opaque':
        opaque()
        break
    }
  }
  return { buckets: [...buckets.values()], errors, warnings }
}

export type { JsonObject }
