import { z } from 'zod'

/** What the inspector needs to know about one spec field, read from its zod schema. */
export type FieldShape = { optional: boolean; initial?: unknown } & (
  | { type: 'object'; fields: readonly (readonly [string, FieldShape])[] }
  | { type: 'array'; item: FieldShape }
  | { type: 'enum'; options: readonly (string | number)[] }
  | { type: 'boolean' }
  | { type: 'number'; unit: Unit }
  | { type: 'string' }
  | { type: 'record' }
  | { type: 'unknown' }
)

/** How a number is shown and typed: millicores as "500m"/cores, MiB as Mi/Gi, else plain. */
export type Unit = 'cpu' | 'memory' | null

/** The unit a spec key carries, by the naming convention of specs.ts. */
export function unitOf(key: string): Unit {
  if (key === 'cpu' || /^cpu(Request|Limit)$/.test(key)) return 'cpu'
  if (key === 'memory' || /^memory(Request|Limit)$/.test(key) || /MiB$/.test(key)) return 'memory'
  return null
}

/** Reads a zod schema into a FieldShape; unwraps defaults and optionals. */
export function describeSchema(schema: z.ZodType, key = ''): FieldShape {
  let s: z.ZodType = schema
  let optional = false
  let initial: unknown
  for (;;) {
    if (s instanceof z.ZodDefault) {
      initial ??= structuredClone((s.def as { defaultValue: unknown }).defaultValue)
      s = s.unwrap() as z.ZodType
    } else if (s instanceof z.ZodOptional) {
      optional = true
      s = s.unwrap() as z.ZodType
    } else break
  }
  const shape = describeInner(s, key, optional)
  return initial === undefined ? shape : { ...shape, initial }
}

function describeInner(s: z.ZodType, key: string, optional: boolean): FieldShape {
  if (s instanceof z.ZodObject)
    return {
      optional,
      type: 'object',
      fields: Object.entries(s.shape as Record<string, z.ZodType>).map(
        ([k, v]) => [k, describeSchema(v, k)] as const,
      ),
    }
  if (s instanceof z.ZodArray)
    return { optional, type: 'array', item: describeSchema(s.element as z.ZodType, key) }
  if (s instanceof z.ZodEnum) return { optional, type: 'enum', options: s.options }
  if (s instanceof z.ZodUnion && s.options.every((o) => o instanceof z.ZodLiteral))
    return { optional, type: 'enum', options: s.options.map((o) => o.value as string | number) }
  if (s instanceof z.ZodBoolean) return { optional, type: 'boolean' }
  if (s instanceof z.ZodNumber) return { optional, type: 'number', unit: unitOf(key) }
  if (s instanceof z.ZodString) return { optional, type: 'string' }
  if (s instanceof z.ZodRecord) return { optional, type: 'record' }
  return { optional, type: 'unknown' }
}

/** A starting value for a new list item; validation then shows what still needs filling in. */
export function blankOf(shape: FieldShape): unknown {
  if (shape.initial !== undefined) return structuredClone(shape.initial)
  switch (shape.type) {
    case 'object':
      return Object.fromEntries(shape.fields.filter(([, f]) => !f.optional).map(([k, f]) => [k, blankOf(f)]))
    case 'array':
      return []
    case 'enum':
      return shape.options[0]
    case 'boolean':
      return false
    case 'number':
      return 1
    case 'string':
      return ''
    case 'record':
      return {}
    case 'unknown':
      return undefined
  }
}

/** Returns a copy of `value` with `path` set to `next` (undefined deletes an object key). */
export function setIn(value: unknown, path: readonly (string | number)[], next: unknown): unknown {
  const [head, ...rest] = path
  if (head === undefined) return next
  if (Array.isArray(value)) {
    const copy = [...(value as unknown[])]
    copy[Number(head)] = setIn(copy[Number(head)], rest, next)
    return copy
  }
  const obj = { ...((value ?? {}) as Record<string, unknown>) }
  const child = setIn(obj[head], rest, next)
  if (child === undefined) delete obj[head]
  else obj[head] = child
  return obj
}
