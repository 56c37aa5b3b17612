import type { Problem } from '../domain/problems'
import type { ExportedObject, KubeObject } from './kube-object'

/** One way an object breaks its schema; `path` is the object path (`spec`, `containers`, `0`). */
export interface SchemaIssue {
  path: string[]
  message: string
  /** Where in the schema the rule is (ajv's schemaPath). */
  schemaPath: string
}

/** The result of checking one object: which schema, whether it is the version's own, the issues. */
export interface SchemaCheck {
  schema: string
  real: boolean
  issues: SchemaIssue[]
}

/**
 * Checks an object against a real schema, or returns null when none is known for its
 * apiVersion and kind. Implemented in the Node process (ajv compiles code); shared code only
 * receives it, so export and import stay pure.
 */
export type SchemaValidator = (object: KubeObject) => SchemaCheck | null

/** Dotted path for messages: `spec.containers[0].image`. */
export const formatPath = (path: readonly (string | number)[]) =>
  path.reduce<string>(
    (acc, seg) => (/^\d+$/.test(String(seg)) ? `${acc}[${seg}]` : acc ? `${acc}.${seg}` : String(seg)),
    '',
  )

/** Schema problems of exported objects, one per issue, naming the object and the schema. */
export function checkExport(objects: readonly ExportedObject[], validate: SchemaValidator): Problem[] {
  const problems: Problem[] = []
  for (const entry of objects) {
    const o = entry.object
    const check = validate(o)
    const where = `${o.kind} ${o.metadata.namespace ? `${o.metadata.namespace}/` : ''}${o.metadata.name}`
    if (!check) {
      problems.push({
        severity: 'info',
        code: 'no-schema',
        objectId: entry.nodeId,
        message: `${where} (${o.apiVersion}) has no known schema; it is written as it is`,
        hint: 'Only objects the lab imported unchanged lack a schema.',
      })
      continue
    }
    for (const issue of check.issues)
      problems.push({
        severity: 'error',
        code: 'schema-invalid',
        objectId: entry.nodeId,
        message: `${where}: ${formatPath(issue.path) || '(object)'} ${issue.message} (schema: ${check.schema}, ${issue.schemaPath})`,
        hint: 'Fix the object in the lab; the export refuses to write invalid objects.',
      })
  }
  return problems
}
