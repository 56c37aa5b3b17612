import { readFileSync } from 'node:fs'
import { join } from 'node:path'

import { Ajv, type ValidateFunction } from 'ajv'

import type { Problem } from '../../shared/domain/problems'
import { formatPath } from '../../shared/manifests/schema-check'
import type { VcenterRequest } from '../../shared/manifests/vcenter-requests'
import { resourcesDir } from '../paths'

/**
 * Checks vCenter request bodies against the JSON Schemas of the vSphere Automation API types in
 * resources/vcenter-schemas (their README gives the sources). Node side: ajv compiles code.
 */

export interface VcenterIssue {
  path: string
  message: string
}

export type VcenterValidator = (request: Pick<VcenterRequest, 'schema' | 'body'>) => VcenterIssue[]

export const vcenterSchemasDir = () => join(resourcesDir(), 'vcenter-schemas')

export function createVcenterValidator(dir = vcenterSchemasDir()): VcenterValidator {
  const ajv = new Ajv({ allErrors: true, strict: false })
  const compiled = new Map<string, ValidateFunction>()
  return ({ schema, body }) => {
    let validate = compiled.get(schema)
    if (!validate) {
      validate = ajv.compile(JSON.parse(readFileSync(join(dir, schema), 'utf8')) as object)
      compiled.set(schema, validate)
    }
    if (validate(body)) return []
    return (validate.errors ?? []).map((e) => {
      const path = formatPath(e.instancePath.split('/').slice(1)) || '(body)'
      const params = e.params as Record<string, unknown>
      const message =
        e.keyword === 'additionalProperties'
          ? `has "${String(params['additionalProperty'])}", which the API type does not`
          : e.keyword === 'enum'
            ? `must be one of ${(params['allowedValues'] as unknown[]).join(', ')}`
            : (e.message ?? 'is invalid')
      return { path, message }
    })
  }
}

/** One error per issue: the export refuses request bodies the API would refuse. */
export function checkVcenterRequests(
  requests: readonly VcenterRequest[],
  validate: VcenterValidator,
): Problem[] {
  return requests.flatMap((r) =>
    validate(r).map((issue) => ({
      severity: 'error' as const,
      code: 'vcenter-request-invalid',
      objectId: r.nodeId,
      message: `vcenter/${r.file}: ${issue.path} ${issue.message} (schema ${r.schema})`,
      hint: 'This is a fault of the export, not of the lab: report it with the lab file',
    })),
  )
}
