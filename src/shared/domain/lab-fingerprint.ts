import type { Topology } from './topology'

/**
 * A short fingerprint of what a run plans from: every object's kind, name, parent and settings,
 * and the links, in id order. Positions are left out, since moving a card changes no run. Two
 * labs with the same fingerprint plan the same run; a run stores the fingerprint of the lab it
 * was planned from, so the window can tell when the lab has changed since (a stale run).
 */
export function labFingerprint(topology: Topology): string {
  const nodes = [...topology.nodes]
    .sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0))
    .map((n) => [n.id, n.kind, n.name, n.parentId, n.spec])
  const links = [...topology.links]
    .sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0))
    .map((l) => [l.id, l.kind, l.source, l.target])
  return hash(canonical([nodes, links]))
}

/** JSON with object keys sorted, so equal settings written in another order read the same. */
function canonical(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`
  if (value !== null && typeof value === 'object') {
    const record = value as Record<string, unknown>
    const keys = Object.keys(record)
      .filter((k) => record[k] !== undefined)
      .sort()
    return `{${keys.map((k) => `${JSON.stringify(k)}:${canonical(record[k])}`).join(',')}}`
  }
  return JSON.stringify(value) ?? 'null'
}

/** cyrb53: a fast 53-bit string hash (public domain), as 14 hex digits. Not for security. */
function hash(text: string): string {
  let h1 = 0xdeadbeef
  let h2 = 0x41c6ce57
  for (let i = 0; i < text.length; i++) {
    const ch = text.charCodeAt(i)
    h1 = Math.imul(h1 ^ ch, 2654435761)
    h2 = Math.imul(h2 ^ ch, 1597334677)
  }
  h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507) ^ Math.imul(h2 ^ (h2 >>> 13), 3266489909)
  h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507) ^ Math.imul(h1 ^ (h1 >>> 13), 3266489909)
  return (4294967296 * (2097151 & h2) + (h1 >>> 0)).toString(16).padStart(14, '0')
}
