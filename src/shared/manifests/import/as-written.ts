import { SPEC_SCHEMAS, type NamespaceSpecT } from '../../domain/specs'
import { keptFieldsOf } from '../kept-fields'
import { isJsonObject, type JsonObject } from '../kube-object'
import {
  limitRangeObject,
  networkPolicyObject,
  resourceQuotaObject,
  roleBindingObjects,
  type Built,
} from '../namespace-objects'

/**
 * What import does with the parts of an object that are not design, and how it tells whether a
 * namespace object (quota, limit range, binding, policy) is the one the lab would write for
 * the settings read from it: only then does it become settings; otherwise it is kept as is.
 */

/** Metadata the API server sets and keeps for itself; with `status`, never part of a design. */
const SERVER_SET = [
  'uid',
  'resourceVersion',
  'generation',
  'creationTimestamp',
  'deletionTimestamp',
  'deletionGracePeriodSeconds',
  'managedFields',
  'selfLink',
]

/** The object without status and server-set metadata, and the paths left out. */
export function withoutServerFields(o: JsonObject): { object: JsonObject; left: string[] } {
  const left: string[] = []
  const object: JsonObject = {}
  for (const [key, value] of Object.entries(o)) {
    if (key === 'status') {
      left.push('status')
      continue
    }
    if (key === 'metadata' && isJsonObject(value)) {
      const meta: JsonObject = {}
      for (const [k, v] of Object.entries(value))
        if (SERVER_SET.includes(k)) left.push(`metadata.${k}`)
        else meta[k] = v
      object[key] = meta
    } else object[key] = value
  }
  return { object, left }
}

/** The object with `metadata.namespace` set: the namespace is the node's place, not a kept field. */
export function inNamespace(o: JsonObject, ns: string): JsonObject {
  const meta = isJsonObject(o.metadata) ? o.metadata : {}
  if (meta.namespace === ns) return o
  return { ...o, metadata: { ...meta, namespace: ns } }
}

type Part = Partial<NamespaceSpecT>

function context(ns: string, part: Part, mhzPerCore: number) {
  return { name: ns, spec: SPEC_SCHEMAS.namespace.parse(part), clusterName: '', mhzPerCore }
}

const same = (read: JsonObject, built: Built | null | undefined) =>
  built !== null && built !== undefined && keptFieldsOf(read, built.object as never).length === 0

export const quotaAsWritten = (read: JsonObject, ns: string, part: Part, mhzPerCore: number) =>
  same(read, resourceQuotaObject(context(ns, part, mhzPerCore)))

export const limitRangeAsWritten = (read: JsonObject, ns: string, part: Part) =>
  same(read, limitRangeObject(context(ns, part, 0)))

export const roleBindingAsWritten = (
  read: JsonObject,
  ns: string,
  permission: NamespaceSpecT['permissions'][number],
) => same(read, roleBindingObjects(context(ns, { permissions: [permission] }, 0))[0])

export const only443AsWritten = (read: JsonObject, ns: string) =>
  same(
    read,
    networkPolicyObject(
      context(
        ns,
        {
          policies: { allowOnlyPort443: true, auditLogs: false, drSite: '', snapshotSchedule: '' },
        },
        0,
      ),
    ),
  )
