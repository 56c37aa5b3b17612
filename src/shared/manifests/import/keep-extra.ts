import type { ExtraFields } from '../../domain/extra-fields'
import type { Kind } from '../../domain/kinds'
import type { NamespaceSpecT } from '../../domain/specs'
import { keptFieldsOf } from '../kept-fields'
import type { JsonObject } from '../kube-object'
import { namespaceObject } from '../namespace-objects'
import { workloadObjectInForm, type WorkloadContext } from '../workload-forms'

/**
 * What import keeps of an object beyond its lab spec (`spec.extra`): the form it was read in
 * and every field the lab's own object for that spec lacks or spells differently. Nothing is
 * kept when the lab would write the object exactly so, which keeps re-importing an export a
 * no-op.
 */
export function workloadExtra(
  kind: Kind,
  name: string,
  spec: Record<string, unknown>,
  read: JsonObject,
  ctx: WorkloadContext,
): ExtraFields | undefined {
  const form = {
    apiVersion: typeof read.apiVersion === 'string' ? read.apiVersion : '',
    kind: typeof read.kind === 'string' ? read.kind : '',
  }
  const inForm = workloadObjectInForm(
    { kind, name, spec: { ...spec, extra: { ...form, fields: [] } } },
    ctx,
    {},
  )
  if (!inForm) return undefined
  const fields = keptFieldsOf(read, inForm.object as never)
  const plain = workloadObjectInForm({ kind, name, spec: { ...spec, extra: undefined } }, ctx, {})
  const sameForm = plain?.object.apiVersion === form.apiVersion && plain.object.kind === form.kind
  return fields.length === 0 && sameForm ? undefined : { ...form, fields }
}

/** What an imported Namespace object says beyond the namespace's settings. */
export function namespaceExtra(
  name: string,
  spec: NamespaceSpecT,
  read: JsonObject,
  clusterName: string,
): ExtraFields | undefined {
  const built = namespaceObject({ name, spec, clusterName, mhzPerCore: 0 })
  const fields = keptFieldsOf(read, built.object as never)
  return fields.length ? { apiVersion: 'v1', kind: 'Namespace', fields } : undefined
}
