import type { Kind } from '../../domain/kinds'
import type { NamespaceSpecT } from '../../domain/specs'
import { isJsonObject, splitApiVersion, type JsonObject } from '../kube-object'
import { CLUSTER_LABEL } from '../lab-annotations'
import { formatPath, type SchemaValidator } from '../schema-check'
import {
  inNamespace,
  limitRangeAsWritten,
  only443AsWritten,
  quotaAsWritten,
  roleBindingAsWritten,
  withoutServerFields,
} from './as-written'
import { clusterClassNamed } from '../../domain/rules/cluster-classes'
import { classify, isServiceNamespace } from './classify'
import type { ImportError, ParsedObject } from './parse-files'
import { previewKindNote } from './preview-kinds'
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
  namespace?: { object: ParsedObject; read: JsonObject; clusterName: string; part: Partial<NamespaceSpecT> }
  parts: Partial<NamespaceSpecT>[]
  permissions: NamespaceSpecT['permissions']
  allowOnlyPort443: boolean
  workloads: ImportedWorkload[]
}

/** A workload as read: its lab spec, and the object without server fields (`read`) to keep the rest of. */
export interface ImportedWorkload {
  kind: Kind
  name: string
  spec: Record<string, unknown>
  source: ParsedObject
  read: JsonObject
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
  const notes: ImportError[] = []
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
    if (c.role === 'namespace' && isServiceNamespace(name)) {
      // vCenter makes it when it installs a Supervisor Service; the lab models the service.
      warnings.push(
        err(
          source,
          ['metadata', 'name'],
          `Namespace ${name} is a Supervisor Service's own namespace (svc-<service>-domain-c<N>), which vCenter creates; it is not imported as a vSphere Namespace: add the Supervisor Service to the Supervisor instead`,
        ),
      )
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
    const note = (message: string) => notes.push(err(source, [], message))
    const opaque = () => b.workloads.push({ kind: 'opaque', name, spec: { manifest: o }, source, read: o })
    if (c.role === 'opaque') {
      opaque()
      const preview = previewKindNote(o.apiVersion, kind)
      if (preview) note(`${kind} ${ns}/${name}: ${preview}`)
      continue
    }
    const stripped = withoutServerFields(o)
    if (stripped.left.length)
      warnings.push(
        err(
          source,
          [],
          `${kind} ${ns}/${name}: ${stripped.left.join(', ')} ${stripped.left.length > 1 ? 'are' : 'is'} the API server's own record (it sets ${stripped.left.length > 1 ? 'them' : 'it'} and ignores ${stripped.left.length > 1 ? 'them' : 'it'} in a manifest); left out`,
        ),
      )
    const read = c.role === 'namespace' ? stripped.object : inNamespace(stripped.object, ns)
    const workload = (kind: Kind, spec: object | null) => {
      if (spec) b.workloads.push({ kind, name, spec: spec as Record<string, unknown>, source, read })
    }
    const keptAsIs = (what: string) => {
      opaque()
      note(
        `${kind} ${ns}/${name} is kept as written: ${what}, so the lab does not read it into the namespace's settings`,
      )
    }
    switch (c.role) {
      case 'namespace':
        b.namespace = {
          object: source,
          read,
          clusterName: stringMap(meta?.labels)[CLUSTER_LABEL] ?? '',
          part: readNamespaceObject(o),
        }
        break
      case 'quota': {
        const part = readQuota(read, options.mhzPerCore(ns), fail)
        if (part === 'opaque') opaque()
        else if (part && !quotaAsWritten(read, ns, part, options.mhzPerCore(ns)))
          keptAsIs('it is not the quota vCenter creates from namespace limits (its name or fields differ)')
        else if (part) b.parts.unshift(part) // annotations and limit ranges win over the quota's CPU in cores
        break
      }
      case 'limit-range': {
        const part = readLimitRange(read, fail)
        if (part === 'opaque') opaque()
        else if (part && !limitRangeAsWritten(read, ns, part))
          keptAsIs(
            'it is not the LimitRange vCenter creates from container defaults (its name or fields differ)',
          )
        else if (part) b.parts.push(part)
        break
      }
      case 'role-binding': {
        const p = readRoleBinding(read)
        if (p === 'opaque') opaque()
        else if (!roleBindingAsWritten(read, ns, p))
          keptAsIs(
            'it is not the binding vCenter creates for a namespace permission (its name or fields differ)',
          )
        else b.permissions.push(p)
        break
      }
      case 'network-policy':
        if (isOnly443Policy(read) && only443AsWritten(read, ns)) b.allowOnlyPort443 = true
        else opaque()
        break
      case 'pod':
        workload('pod', readPod(read, fail))
        break
      case 'deployment':
        workload('deployment', readDeployment(read, fail))
        break
      case 'service':
      case 'vm-service': {
        const spec = readService(read, fail)
        if (spec === 'opaque') {
          opaque()
          note(
            `${kind} ${ns}/${name} is kept as written: the lab models Services of type LoadBalancer, ClusterIP and NodePort`,
          )
        } else workload('service', spec)
        break
      }
      case 'pvc':
        workload('pvc', readPvc(read, fail))
        break
      case 'vm':
        workload('vm', readVm(read, fail))
        break
      case 'tkc':
        workload('tkc', readTkc(read, fail))
        break
      case 'capi-cluster': {
        const topology = isJsonObject(read.spec) && isJsonObject(read.spec.topology) ? read.spec.topology : {}
        // A class the lab knows (tanzukubernetescluster, builtin-generic-v3.x) is modelled; others kept as is.
        if (typeof topology.class !== 'string' || !clusterClassNamed(topology.class)) opaque()
        else workload('tkc', readCapiCluster(read, fail))
        break
      }
    }
  }
  return { buckets: [...buckets.values()], errors, warnings, notes }
}
