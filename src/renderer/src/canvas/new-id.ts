/**
 * A fresh id for a new node or link: `<kind>-<random base36>`. Ids are made here, in the
 * renderer, so the shared domain code stays deterministic.
 */
export function newId(kind: string): string {
  const random = crypto.getRandomValues(new Uint32Array(2))
  return `${kind}-${(random[0] ?? 0).toString(36)}${(random[1] ?? 0).toString(36).slice(0, 3)}`
}
