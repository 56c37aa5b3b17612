import { ALLOWED_PARENTS, KINDS, type Kind } from '../../src/shared/domain/kinds'
import { defaultSpec } from '../../src/shared/domain/specs'
import { subtree, indexTopology, type LabNode, type Topology } from '../../src/shared/domain/topology'

/**
 * Random edit batches against a topology, for the property test: most are plausible (what a
 * user could do, with valid or invalid values), some are stale (a `before` that is not there),
 * some break the containment rules, some are junk. A seeded generator makes a failure repeatable.
 */
export type Rng = () => number

/** mulberry32: a seeded generator, so a failing run can be replayed from its seed. */
export function rng(seed: number): Rng {
  let a = seed >>> 0
  return () => {
    a = (a + 0x6d2b79f5) >>> 0
    let t = a
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

export const pick = <T>(r: Rng, items: readonly T[]): T => items[Math.floor(r() * items.length)] as T
const chance = (r: Rng, p: number) => r() < p

const TEXTS = [
  'web',
  'esxi-9',
  'Ünïcode ✓',
  '',
  ' ',
  'a'.repeat(300),
  'tab\tnew\nline',
  'nul\u0000x',
  'lone\uD800',
  '😀',
]

/** A random JSON value, small, sometimes of the right type for a spec field. */
export function randomValue(r: Rng, depth = 0): unknown {
  switch (Math.floor(r() * (depth > 2 ? 6 : 8))) {
    case 0:
      return Math.floor(r() * 100_000)
    case 1:
      return pick(r, [-1, 0, 1.5, 1e308, -0, 3, 64])
    case 2:
      return pick(r, TEXTS)
    case 3:
      return chance(r, 0.5)
    case 4:
      return null
    case 5:
      return pick(r, ['nsx', 'vds', 'TCP', 'PoweredOff', 'fullyAutomated', 'best-effort-small'])
    case 6:
      return Array.from({ length: Math.floor(r() * 3) }, () => randomValue(r, depth + 1))
    default:
      return Object.fromEntries(
        Array.from({ length: Math.floor(r() * 3) }, (_, i) => [`k${i}`, randomValue(r, depth + 1)]),
      )
  }
}

/** A spec: the node's own with one field changed (valid or not), or the kind's default. */
function mutatedSpec(r: Rng, node: Pick<LabNode, 'kind' | 'spec'>): Record<string, unknown> {
  const spec: Record<string, unknown> = { ...node.spec }
  const defaults: Record<string, unknown> = defaultSpec(node.kind)
  const keys = Object.keys(spec)
  if (keys.length === 0 || chance(r, 0.1)) spec[`extra${Math.floor(r() * 3)}`] = randomValue(r)
  else spec[pick(r, keys)] = chance(r, 0.5) ? structuredClone(defaults[pick(r, keys)]) : randomValue(r)
  return spec
}

const position = (r: Rng) => ({ x: Math.round(r() * 2000 - 500), y: Math.round(r() * 2000 - 500) })

/** Sometimes the truth, sometimes a stale claim: the service must refuse the stale ones. */
const claim = <T>(r: Rng, truth: T, wrong: () => T): T => (chance(r, 0.85) ? truth : wrong())

function oneEdit(r: Rng, t: Topology, counter: () => number): unknown {
  const node = t.nodes.length > 0 ? pick(r, t.nodes) : undefined
  const other = t.nodes.length > 0 ? pick(r, t.nodes) : undefined
  // Mostly a kind that may live in the chosen parent, so that many adds are valid.
  const fits = KINDS.filter((k: Kind) => ALLOWED_PARENTS[k].includes(other?.kind ?? null))
  const kind = chance(r, 0.8) && fits.length > 0 ? pick(r, fits) : pick(r, KINDS)
  switch (Math.floor(r() * 10)) {
    case 0:
    case 1: {
      const id = chance(r, 0.05) && node ? node.id : `n-${counter()}`
      const parentId = chance(r, 0.1) ? null : (other?.id ?? null)
      const base = { kind, spec: defaultSpec(kind) }
      return {
        type: 'addNodes',
        nodes: [
          {
            id,
            kind,
            name: pick(r, TEXTS),
            parentId,
            position: position(r),
            spec: chance(r, 0.7) ? base.spec : mutatedSpec(r, base),
          },
        ],
        links: [],
      }
    }
    case 2: {
      if (!node) return { type: 'removeNodes', nodes: [], links: [] }
      const gone = subtree(indexTopology(t), node.id)
      const ids = new Set(gone.map((n) => n.id))
      const links = t.links.filter((l) => ids.has(l.source) || ids.has(l.target))
      const nodes = chance(r, 0.9) ? gone : gone.map((n, i) => (i === 0 ? { ...n, name: `${n.name}?` } : n))
      return { type: 'removeNodes', nodes, links }
    }
    case 3:
      if (!node) return { type: 'moveNodes', moves: [] }
      return {
        type: 'moveNodes',
        moves: [{ id: node.id, from: claim(r, node.position, () => position(r)), to: position(r) }],
      }
    case 4:
    case 5:
      if (!node) return { type: 'setSpec', id: 'none', before: {}, after: {} }
      return {
        type: 'setSpec',
        id: node.id,
        before: claim(r, node.spec, () => mutatedSpec(r, node)),
        after: mutatedSpec(r, node),
      }
    case 6:
      if (!node) return { type: 'rename', id: 'none', before: '', after: 'x' }
      return {
        type: 'rename',
        id: node.id,
        before: claim(r, node.name, () => `${node.name}!`),
        after: pick(r, TEXTS),
      }
    case 7: {
      if (!node)
        return {
          type: 'reparent',
          id: 'none',
          from: { parentId: null, position: position(r) },
          to: { parentId: null, position: position(r) },
        }
      const from = { parentId: node.parentId, position: node.position }
      return {
        type: 'reparent',
        id: node.id,
        from: claim(r, from, () => ({ ...from, parentId: other?.id ?? null })),
        to: { parentId: chance(r, 0.2) ? null : (other?.id ?? null), position: position(r) },
      }
    }
    case 8: {
      const link = {
        id: chance(r, 0.1) && t.links[0] ? t.links[0].id : `l-${counter()}`,
        kind: 'supervisor-cluster',
        source: node?.id ?? 'x',
        target: other?.id ?? 'y',
      }
      return { type: 'connect', link }
    }
    default: {
      const link =
        t.links.length > 0
          ? pick(r, t.links)
          : { id: 'l-none', kind: 'supervisor-cluster', source: 'a', target: 'b' }
      return { type: 'disconnect', link: claim(r, link, () => ({ ...link, target: node?.id ?? 'z' })) }
    }
  }
}

/** A batch of one to three edits, or (rarely) junk the contract refuses. */
export function randomBatch(r: Rng, t: Topology, counter: () => number): unknown {
  if (chance(r, 0.03)) return { label: 'junk', edits: [randomValue(r)] }
  const edits = Array.from({ length: 1 + Math.floor(r() * (chance(r, 0.8) ? 1 : 3)) }, () =>
    oneEdit(r, t, counter),
  )
  return { label: pick(r, ['Edit', 'Move things', 'Set spec', 'Ünïcode label', 'lone\uDC00label']), edits }
}
