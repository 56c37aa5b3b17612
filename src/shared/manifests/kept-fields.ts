import type { ExtraField, ExtraPathStep } from '../domain/extra-fields'
import { isJsonObject, type Json, type JsonObject } from './kube-object'

/**
 * Lossless import: what an imported object says that the object the lab builds from its model
 * does not, as a list of guarded fields (ExtraField), and the way back. By construction
 * `applyKeptFields(built, keptFieldsOf(read, built)).object` deep-equals `read`, key order
 * included; after an edit in the lab, a field whose guard no longer holds is left out.
 */

type Out = ExtraField[]

const cloneJson = <T>(value: T): T => JSON.parse(JSON.stringify(value)) as T

/** Structural equality of JSON values, whatever the key order. */
export function sameJson(a: unknown, b: unknown): boolean {
  if (a === b) return true
  if (Array.isArray(a) || Array.isArray(b)) {
    if (!Array.isArray(a) || !Array.isArray(b) || a.length !== b.length) return false
    return a.every((item, i) => sameJson(item, b[i]))
  }
  if (isJsonObject(a) && isJsonObject(b)) {
    const ka = Object.keys(a)
    if (ka.length !== Object.keys(b).length) return false
    return ka.every((k) => k in b && sameJson(a[k], b[k]))
  }
  return false
}

/** Names of a list's items when every item is an object with its own unique string name. */
function itemNames(list: readonly Json[]): string[] | null {
  const names: string[] = []
  for (const item of list) {
    const name = isJsonObject(item) ? item.name : undefined
    if (typeof name !== 'string' || names.includes(name)) return null
    names.push(name)
  }
  return names
}

function diffValue(read: Json, built: Json, path: ExtraPathStep[], out: Out) {
  if (sameJson(read, built)) return
  if (isJsonObject(read) && isJsonObject(built)) diffObject(read, built, path, out)
  else if (Array.isArray(read) && Array.isArray(built)) diffList(read, built, path, out)
  else out.push({ path, value: read, labWrote: built })
}

function diffObject(read: JsonObject, built: JsonObject, path: ExtraPathStep[], out: Out) {
  let previous: string | null = null
  for (const [key, value] of Object.entries(read)) {
    const built_ = built[key]
    if (built_ === undefined) out.push({ path: [...path, key], value, after: previous })
    else diffValue(value, built_, [...path, key], out)
    previous = key
  }
  for (const [key, value] of Object.entries(built))
    if (!(key in read)) out.push({ path: [...path, key], labWrote: value })
}

/**
 * Lists of named items (containers, volumes, node pools, variables) are matched by name, so a
 * kept field stays with its item when the lab adds or removes others; any other list that
 * differs is kept whole, guarded by the whole list the lab wrote.
 */
function diffList(read: Json[], built: Json[], path: ExtraPathStep[], out: Out) {
  const readNames = itemNames(read)
  const builtNames = itemNames(built)
  const common = readNames?.filter((n) => builtNames?.includes(n)) ?? []
  const builtOrder = builtNames?.filter((n) => common.includes(n)) ?? []
  if (!readNames || !builtNames || common.join('\u0000') !== builtOrder.join('\u0000')) {
    out.push({ path, value: read, labWrote: built })
    return
  }
  let previous: string | null = null
  read.forEach((item, i) => {
    const name = readNames[i] ?? ''
    const match = built[builtNames.indexOf(name)]
    if (match === undefined) out.push({ path: [...path, { name }], value: item, after: previous })
    else diffValue(item, match, [...path, { name }], out)
    previous = name
  })
  built.forEach((item, i) => {
    const name = builtNames[i] ?? ''
    if (!readNames.includes(name)) out.push({ path: [...path, { name }], labWrote: item })
  })
}

/** The fields of `read` (the object as imported) that `built` (the lab's object) lacks or differs in. */
export function keptFieldsOf(read: JsonObject, built: JsonObject): ExtraField[] {
  const out: Out = []
  diffObject(read, built, [], out)
  return out
}

const named = (item: Json, name: string) => isJsonObject(item) && item.name === name

function resolve(root: Json, path: readonly ExtraPathStep[]): Json | undefined {
  let node: Json | undefined = root
  for (const step of path) {
    if (typeof step === 'string') node = isJsonObject(node) ? node[step] : undefined
    else node = Array.isArray(node) ? node.find((item) => named(item, step.name)) : undefined
    if (node === undefined) return undefined
  }
  return node
}

/** Sets `key` on `target`, placed after the key `after` (null: first; missing: last). */
function setKey(target: JsonObject, key: string, value: Json, after: string | null | undefined) {
  if (key in target || after === undefined || (after !== null && !(after in target))) {
    target[key] = value
    return
  }
  const entries = Object.entries(target)
  const at = after === null ? 0 : entries.findIndex(([k]) => k === after) + 1
  entries.splice(at, 0, [key, value])
  for (const k of Object.keys(target)) delete target[k]
  for (const [k, v] of entries) target[k] = v
}

function insertItem(list: Json[], value: Json, after: string | null | undefined) {
  if (after === null) {
    list.unshift(value)
    return
  }
  const at = after === undefined ? -1 : list.findIndex((item) => named(item, after))
  if (at < 0) list.push(value)
  else list.splice(at + 1, 0, value)
}

/** Applies one field to `root` in place; false when its guard fails (the lab changed it). */
function applyOne(root: JsonObject, field: ExtraField): boolean {
  const parent = resolve(root, field.path.slice(0, -1))
  const last = field.path.at(-1)
  if (parent === undefined || last === undefined) return false
  const has = 'value' in field
  const value = field.value as Json
  if (typeof last === 'string') {
    if (!isJsonObject(parent) || !sameJson(parent[last], field.labWrote)) return false
    if (has) setKey(parent, last, cloneJson(value), field.after)
    else delete parent[last]
    return true
  }
  if (!Array.isArray(parent)) return false
  const index = parent.findIndex((item) => named(item, last.name))
  if (!sameJson(index < 0 ? undefined : parent[index], field.labWrote)) return false
  if (!has) {
    if (index >= 0) parent.splice(index, 1)
  } else if (index >= 0) parent[index] = cloneJson(value)
  else insertItem(parent, cloneJson(value), field.after)
  return true
}

/** `built` with the kept fields applied; `dropped` lists those whose guard failed. */
export function applyKeptFields<T extends JsonObject>(
  built: T,
  fields: readonly ExtraField[],
): { object: T; dropped: ExtraField[] } {
  const object = cloneJson(built)
  const dropped = fields.filter((f) => !applyOne(object, f))
  return { object, dropped }
}

/**
 * Whether losing a dropped field loses something the lab does not model: an added field or a
 * whole list or map; a scalar the lab wrote differently, or a field it wrote and the object
 * lacked, only recorded how the object spelled a value the lab now sets itself.
 */
export const dropLosesData = (f: ExtraField): boolean =>
  'value' in f && (!('labWrote' in f) || typeof f.value === 'object')
