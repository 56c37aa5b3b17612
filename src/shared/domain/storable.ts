import { EditError } from './edits'

/** A UTF-16 surrogate without its partner: SQLite would store it as U+FFFD, so it would not reopen as written. */
const UNPAIRED = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/

function brokenText(value: unknown, depth = 0): string | undefined {
  if (typeof value === 'string') return UNPAIRED.test(value) ? value : undefined
  if (depth > 200 || value === null || typeof value !== 'object') return undefined
  for (const [key, item] of Object.entries(value)) {
    const found = UNPAIRED.test(key) ? key : brokenText(item, depth + 1)
    if (found !== undefined) return found
  }
  return undefined
}

/**
 * The value as the lab file will hold it: plain JSON, text that survives UTF-8. Refuses (with an
 * `invalid-spec` EditError naming `what`) values JSON cannot hold: BigInt, cycles, broken text.
 * A transport may deliver more than JSON (Electron's structured clone keeps Maps, Dates, BigInts).
 */
export function storable<T>(value: T, what: string): T {
  const broken = brokenText(value)
  if (broken !== undefined)
    throw new EditError(
      `${what} holds text with a broken Unicode character (an unpaired surrogate)`,
      'invalid-spec',
    )
  let text: string | undefined
  try {
    text = JSON.stringify(value)
  } catch (e) {
    throw new EditError(
      `${what} cannot be stored: ${e instanceof Error ? e.message : String(e)}`,
      'invalid-spec',
    )
  }
  if (text === undefined) throw new EditError(`${what} is missing`, 'invalid-spec')
  return JSON.parse(text) as T
}

/** JSON text with keys sorted at every level, so two values compare by content, not key order. */
export function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map((v) => canonicalJson(v ?? null)).join(',')}]`
  if (value !== null && typeof value === 'object')
    return `{${Object.keys(value)
      .filter((k) => (value as Record<string, unknown>)[k] !== undefined)
      .sort()
      .map((k) => `${JSON.stringify(k)}:${canonicalJson((value as Record<string, unknown>)[k])}`)
      .join(',')}}`
  return JSON.stringify(value) ?? 'null'
}

/** Equal as stored JSON: same content whatever the key order. */
export const sameJson = (a: unknown, b: unknown): boolean => canonicalJson(a) === canonicalJson(b)
