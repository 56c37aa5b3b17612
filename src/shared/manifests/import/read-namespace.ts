import type { NamespaceSpecT } from '../../domain/specs'
import { parseCpu, parseMemory } from '../../domain/units'
import { isJsonObject, type Json, type JsonObject } from '../kube-object'
import {
  LAB_ANNOTATIONS,
  NETWORK_POLICY_443,
  parseSsoSubject,
  ROLE_TO_CLUSTER_ROLE,
  UNLIMITED_QUANTITY,
  type NamespaceRole,
} from '../lab-annotations'
import { OBJECT_COUNT_KEYS } from '../namespace-objects'
import { stringMap, type Fail } from './read-workloads'

/**
 * The namespace's own objects back to its settings. Each returns the fields it sets, or
 * `'opaque'` when the object says more than the lab models (it is then kept unchanged).
 */
const obj = (v: Json | undefined): JsonObject => (isJsonObject(v) ? v : {})
const arr = (v: Json | undefined): Json[] => (Array.isArray(v) ? v : [])

type Part = Partial<NamespaceSpecT>
const list = (v: string | undefined) => (v ? v.split(',').filter(Boolean) : [])

export function readNamespaceObject(o: JsonObject): Part {
  const a = stringMap(obj(o.metadata).annotations)
  const out: Part = {
    description: a[LAB_ANNOTATIONS.description] ?? '',
    vmClasses: list(a[LAB_ANNOTATIONS.vmClasses]),
    contentLibraries: list(a[LAB_ANNOTATIONS.contentLibraries]),
    policies: {
      allowOnlyPort443: false,
      auditLogs: a[LAB_ANNOTATIONS.auditLogs] === 'true',
      drSite: a[LAB_ANNOTATIONS.drSite] ?? '',
      snapshotSchedule: a[LAB_ANNOTATIONS.snapshotSchedule] ?? '',
    },
  }
  const mhz = Number(a[LAB_ANNOTATIONS.cpuLimitMhz])
  if (Number.isInteger(mhz) && mhz > 0) out.cpuLimitMhz = mhz
  const net: NonNullable<NamespaceSpecT['networkOverride']> = {}
  if (a[LAB_ANNOTATIONS.namespaceCidr]) net.namespaceCidr = a[LAB_ANNOTATIONS.namespaceCidr]
  if (a[LAB_ANNOTATIONS.ingressCidr]) net.ingressCidr = a[LAB_ANNOTATIONS.ingressCidr]
  if (a[LAB_ANNOTATIONS.egressCidr]) net.egressCidr = a[LAB_ANNOTATIONS.egressCidr]
  if (a[LAB_ANNOTATIONS.t0Gateway]) net.t0Gateway = a[LAB_ANNOTATIONS.t0Gateway]
  if (Object.keys(net).length) out.networkOverride = net
  return out
}

const SC_KEY = /^(.+)\.storageclass\.storage\.k8s\.io\/requests\.storage$/

/** Limits, counts and storage classes; `limits.cpu` becomes MHz at the cluster's core speed. */
export function readQuota(o: JsonObject, mhzPerCore: number, fail: Fail): Part | 'opaque' | null {
  const hard = obj(obj(o.spec).hard)
  const out: Part = { objectCounts: {}, storage: [] }
  const counts: Record<string, string> = Object.fromEntries(
    Object.entries(OBJECT_COUNT_KEYS).map(([f, k]) => [k, f]),
  )
  for (const [key, raw] of Object.entries(hard)) {
    const value = typeof raw === 'number' ? String(raw) : typeof raw === 'string' ? raw : null
    const path = ['spec', 'hard', key]
    if (value === null) return fail(path, 'a quota value must be a quantity')
    const sc = SC_KEY.exec(key)
    const field = counts[key]
    if (key === 'limits.cpu') {
      const m = parseCpu(value)
      if (m === null) return fail(path, `"${value}" is not a CPU quantity`)
      // Rounded up, so writing it back as cores (rounded down) gives the same quantity.
      if (mhzPerCore > 0) out.cpuLimitMhz = Math.ceil((m * mhzPerCore) / 1000)
    } else if (key === 'limits.memory' || key === 'requests.storage') {
      const mib = parseMemory(value)
      if (mib === null) return fail(path, `"${value}" is not a memory quantity`)
      if (key === 'limits.memory') out.memoryLimitMiB = mib
      else out.storageLimitMiB = mib
    } else if (field) {
      const n = Number(value)
      if (!Number.isInteger(n) || n < 0) return fail(path, `"${value}" is not an object count`)
      out.objectCounts = { ...out.objectCounts, [field]: n }
    } else if (sc?.[1]) {
      if (value === UNLIMITED_QUANTITY) out.storage?.push({ policy: sc[1] })
      else {
        const mib = parseMemory(value)
        if (mib === null) return fail(path, `"${value}" is not a storage quantity`)
        out.storage?.push({ policy: sc[1], limitMiB: mib })
      }
    } else return 'opaque'
  }
  return out
}

export function readLimitRange(o: JsonObject, fail: Fail): Part | 'opaque' | null {
  const limits = arr(obj(o.spec).limits)
  const item = obj(limits[0])
  if (limits.length !== 1 || item.type !== 'Container') return 'opaque'
  const keys = Object.keys(item).filter((k) => k !== 'type' && k !== 'default' && k !== 'defaultRequest')
  if (keys.length) return 'opaque'
  const d = obj(item.default)
  const r = obj(item.defaultRequest)
  const out: NonNullable<Part['containerDefaults']> = {}
  const cpu = (v: Json | undefined, path: string[]) => {
    if (v === undefined) return undefined
    const n = typeof v === 'string' || typeof v === 'number' ? parseCpu(v) : null
    return n ?? fail(path, `${JSON.stringify(v)} is not a CPU quantity`)
  }
  const mem = (v: Json | undefined, path: string[]) => {
    if (v === undefined) return undefined
    const n = typeof v === 'string' || typeof v === 'number' ? parseMemory(v) : null
    return n ?? fail(path, `${JSON.stringify(v)} is not a memory quantity`)
  }
  const base = ['spec', 'limits', '0']
  const values = {
    cpuLimit: cpu(d.cpu, [...base, 'default', 'cpu']),
    memoryLimit: mem(d.memory, [...base, 'default', 'memory']),
    cpuRequest: cpu(r.cpu, [...base, 'defaultRequest', 'cpu']),
    memoryRequest: mem(r.memory, [...base, 'defaultRequest', 'memory']),
  }
  for (const [k, v] of Object.entries(values)) {
    if (v === null) return null
    if (v !== undefined) out[k as keyof typeof out] = v
  }
  return { containerDefaults: out }
}

const CLUSTER_ROLE_TO_ROLE = Object.fromEntries(
  Object.entries(ROLE_TO_CLUSTER_ROLE).map(([role, cr]) => [cr, role as NamespaceRole]),
)

/** A binding of one SSO user or group to admin, edit or view: a namespace permission. */
export function readRoleBinding(o: JsonObject): NamespaceSpecT['permissions'][number] | 'opaque' {
  const ref = obj(o.roleRef)
  const subjects = arr(o.subjects).map(obj)
  const role = typeof ref.name === 'string' ? CLUSTER_ROLE_TO_ROLE[ref.name] : undefined
  const s = subjects[0]
  if (!role || ref.kind !== 'ClusterRole' || subjects.length !== 1 || !s) return 'opaque'
  const sso = typeof s.name === 'string' ? parseSsoSubject(s.name) : null
  if (!sso || (s.kind !== 'User' && s.kind !== 'Group')) return 'opaque'
  return { subjectType: s.kind === 'User' ? 'USER' : 'GROUP', subject: sso.subject, domain: sso.domain, role }
}

/** The lab's own "only 443" policy, recognised by its exact shape. */
export function isOnly443Policy(o: JsonObject): boolean {
  const spec = obj(o.spec)
  return (
    obj(o.metadata).name === NETWORK_POLICY_443 &&
    JSON.stringify(spec) ===
      JSON.stringify({
        podSelector: {},
        policyTypes: ['Ingress'],
        ingress: [{ ports: [{ protocol: 'TCP', port: 443 }] }],
      })
  )
}
