import { readFileSync } from 'node:fs'
import { join } from 'node:path'

import { Ajv, type ErrorObject, type ValidateFunction } from 'ajv'

import type { ShapeIssue } from '../shared/lab-text/format'
import { labFromText } from '../shared/lab-text/from-text'
import type { LabDocument } from '../shared/domain/lab-document'
import { resourcesDir } from './paths'

/** The JSON Schema of `.lab.yaml` files, compiled once (ajv compiles to code: Node side only). */
let validate: ValidateFunction | undefined

export const labFormatSchemaPath = () => join(resourcesDir(), 'lab-format.schema.json')

function compiled(): ValidateFunction {
  validate ??= new Ajv({ allErrors: true, strict: false }).compile(
    JSON.parse(readFileSync(labFormatSchemaPath(), 'utf8')) as object,
  )
  return validate
}

/** Checks a parsed lab text against resources/lab-format.schema.json. */
export function checkLabTextShape(value: unknown): ShapeIssue[] {
  const check = compiled()
  if (check(value)) return []
  return dedupe(check.errors ?? []).map(toIssue)
}

function toIssue(e: ErrorObject): ShapeIssue {
  const path: (string | number)[] = e.instancePath
    .split('/')
    .slice(1)
    .map((k) => k.replace(/~1/g, '/').replace(/~0/g, '~'))
    .map((k) => (/^\d+$/.test(k) ? Number(k) : k))
  const where = path.length === 0 ? 'the lab' : path.join('.')
  const params = e.params as Record<string, unknown>
  if (e.keyword === 'additionalProperties')
    return { path, message: `${where}: unknown key "${String(params['additionalProperty'])}"` }
  if (e.keyword === 'enum')
    return { path, message: `${where} must be one of ${(params['allowedValues'] as unknown[]).join(', ')}` }
  return { path, message: `${where} ${e.message ?? 'is invalid'}` }
}

/** allOf branches repeat the same complaint; keep one per place and message. */
function dedupe(errors: ErrorObject[]): ErrorObject[] {
  const seen = new Set<string>()
  return errors.filter((e) => {
    const key = `${e.instancePath} ${e.keyword} ${JSON.stringify(e.params)}`
    if (seen.has(key)) return false
    seen.add(key)
    return true
  })
}

/** Reads a lab text, checked against the JSON Schema; errors carry file:line:column. */
export function readLabText(text: string, file: string): LabDocument {
  return labFromText(text, file, checkLabTextShape)
}

export function readLabTextFile(path: string): LabDocument {
  return readLabText(readFileSync(path, 'utf8'), path)
}
