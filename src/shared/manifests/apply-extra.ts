import { formatExtraPath, type ExtraFields } from '../domain/extra-fields'
import type { Problem } from '../domain/problems'
import { applyKeptFields, dropLosesData } from './kept-fields'
import type { JsonObject, KubeObject } from './kube-object'
import type { BuiltObject } from './workload-forms'

/**
 * Versions whose bodies are the same, so fields kept in one apply in the other: TKC v1alpha2
 * and v1alpha3 (DOMAIN.md 3.4), VirtualMachine v1alpha2 and v1alpha3 (DOMAIN.md 3.1; the
 * fields that differ are guarded like any other).
 */
const SAME_BODY: readonly (readonly string[])[] = [
  ['run.tanzu.vmware.com/v1alpha2', 'run.tanzu.vmware.com/v1alpha3'],
  ['vmoperator.vmware.com/v1alpha2', 'vmoperator.vmware.com/v1alpha3'],
]

const sameBody = (a: string, b: string) => a === b || SAME_BODY.some((f) => f.includes(a) && f.includes(b))

/** The object of a node with what import kept of it written back (DOMAIN.md: lossless import). */
export function applyExtra(
  built: BuiltObject,
  extra: ExtraFields | undefined,
  nodeId: string,
): { built: BuiltObject; problems: Problem[] } {
  if (!extra || extra.fields.length === 0) return { built, problems: [] }
  const o = built.object
  const where = `${o.kind} ${o.metadata.namespace ? `${o.metadata.namespace}/` : ''}${o.metadata.name}`
  const paths = (fields: ExtraFields['fields']) => fields.map((f) => formatExtraPath(f.path)).join(', ')
  if (!sameBody(o.apiVersion, extra.apiVersion) || o.kind !== extra.kind) {
    const lost = extra.fields.filter(dropLosesData)
    return {
      built,
      problems:
        lost.length === 0
          ? []
          : [
              {
                severity: 'warning',
                code: 'kept-fields-other-form',
                objectId: nodeId,
                message: `${where} was imported as ${extra.apiVersion} ${extra.kind}; the fields kept from it (${paths(lost)}) are not written in ${o.apiVersion}`,
                hint: 'Leave the API choice of the export open to write it as it was read, or set these fields again',
              },
            ],
    }
  }
  const { object, dropped } = applyKeptFields(o as unknown as JsonObject, extra.fields)
  const lost = dropped.filter(dropLosesData)
  return {
    built: { object: object as unknown as KubeObject, comments: built.comments },
    problems: lost.length
      ? [
          {
            severity: 'warning',
            code: 'kept-field-dropped',
            objectId: nodeId,
            message: `${where}: kept field${lost.length > 1 ? 's' : ''} ${paths(lost)} no longer fit${lost.length > 1 ? '' : 's'} the object as the lab now writes it and ${lost.length > 1 ? 'are' : 'is'} left out`,
            hint: 'An edit in the lab changed what the field belonged to; add it again in the lab or in the exported file',
          },
        ]
      : [],
  }
}
