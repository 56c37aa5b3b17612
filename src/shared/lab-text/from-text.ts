import { LineCounter, parseDocument } from 'yaml'

import { NAME_PREFIX, type Kind } from '../domain/kinds'
import { parseLabDocument, type LabDocument } from '../domain/lab-document'
import { SPEC_SCHEMAS } from '../domain/specs'
import type { LabNode, Link } from '../domain/topology'
import {
  ID_ANNOTATION,
  LabTextError,
  POSITION_ANNOTATION,
  VCENTER_CHILDREN,
  WORKLOAD_TYPES,
  type LabTextProblem,
  type ShapeValidator,
} from './format'
import { locate } from './locate'

type Obj = Record<string, unknown>
type Path = (string | number)[]

interface Pending {
  node: Omit<LabNode, 'id' | 'parentId'> & { id: string | undefined }
  parent: Pending | null
  path: Path
}

/**
 * Reads `.lab.yaml` text into a lab. YAML errors, shape errors (from `validateShape`, the JSON
 * Schema check) and spec errors are all reported with `file:line:column`. Ids and positions
 * may be left out when writing by hand: ids are then made from the kind, positions are 0,0.
 */
export function labFromText(text: string, file: string, validateShape?: ShapeValidator): LabDocument {
  const lines = new LineCounter()
  const doc = parseDocument(text, { version: '1.1', lineCounter: lines, uniqueKeys: true })
  if (doc.errors.length > 0)
    throw new LabTextError(
      doc.errors.slice(0, 10).map((e) => ({
        where: e.linePos ? `${file}:${e.linePos[0].line}:${e.linePos[0].col}` : file,
        problem: (e.message.split('\n')[0] ?? e.message).replace(/ at line \d+, column \d+:?$/, ''),
      })),
    )
  const at = (path: Path) => locate(doc, lines, file, path)
  const raw = doc.toJS({ maxAliasCount: 100 }) as unknown
  const shape = validateShape?.(raw) ?? []
  if (shape.length > 0)
    throw new LabTextError(shape.slice(0, 10).map((i) => ({ where: at([...i.path]), problem: i.message })))
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw))
    throw new LabTextError([
      { where: at([]), problem: 'a lab text is a mapping with format, name and the lab' },
    ])

  const problems: LabTextProblem[] = []
  const pending: Pending[] = []
  const body = raw as Obj
  const list = (v: unknown) => (Array.isArray(v) ? (v as Obj[]) : [])
  const add = (kind: Kind, o: Obj, parent: Pending | null, path: Path): Pending => {
    const p: Pending = {
      node: {
        id: typeof o['id'] === 'string' ? o['id'] : undefined,
        kind,
        name: typeof o['name'] === 'string' ? o['name'] : '',
        position: toPosition(o['position']),
        spec: (o['spec'] as Obj | undefined) ?? {},
      },
      parent,
      path,
    }
    pending.push(p)
    return p
  }
  /** Links as read: a binding's source is its Supervisor, whose id may still be unassigned. */
  const links: {
    id: string | undefined
    source: string | Pending
    target: string
    path: Path
    targetKey: string
  }[] = []

  list(body['vcenters']).forEach((vc, i) => {
    const vcPath = ['vcenters', i]
    const v = add('vcenter', vc, null, vcPath)
    for (const [key, kind] of VCENTER_CHILDREN)
      list(vc[key]).forEach((c, j) => {
        const child = add(kind, c, v, [...vcPath, key, j])
        if (kind === 'cluster')
          list(c['hosts']).forEach((h, k) => add('host', h, child, [...vcPath, key, j, 'hosts', k]))
      })
  })
  list(body['supervisors']).forEach((sv, i) => {
    const s = add('supervisor', sv, null, ['supervisors', i])
    list(sv['clusters']).forEach((b, j) =>
      links.push({
        id: typeof b['link'] === 'string' ? b['link'] : undefined,
        source: s,
        target: String(b['cluster']),
        path: ['supervisors', i, 'clusters', j],
        targetKey: 'cluster',
      }),
    )
    list(sv['services']).forEach((svc, j) =>
      add('supervisor-service', svc, s, ['supervisors', i, 'services', j]),
    )
    list(sv['namespaces']).forEach((ns, j) => {
      const nsPath = ['supervisors', i, 'namespaces', j]
      const n = add('namespace', ns, s, nsPath)
      list(ns['workloads']).forEach((w, k) => readWorkload(w, n, [...nsPath, 'workloads', k]))
    })
  })
  function readWorkload(w: Obj, ns: Pending, path: Path) {
    const type = WORKLOAD_TYPES.find((t) => t.apiVersion === w['apiVersion'] && t.objectKind === w['kind'])
    if (!type) {
      const known = WORKLOAD_TYPES.map((t) => `${t.apiVersion} ${t.objectKind}`).join(', ')
      problems.push({
        where: at([...path, 'kind']),
        problem: `unknown workload ${String(w['apiVersion'])} ${String(w['kind'])}; known: ${known}`,
      })
      return
    }
    const meta = (w['metadata'] ?? {}) as Obj
    const notes = (meta['annotations'] ?? {}) as Obj
    let position = { x: 0, y: 0 }
    const raw = notes[POSITION_ANNOTATION]
    const pos = typeof raw === 'string' ? raw : JSON.stringify(raw)
    if (raw !== undefined) {
      const m = /^\s*(-?[\d.e+-]+)\s*,\s*(-?[\d.e+-]+)\s*$/.exec(pos)
      if (m && Number.isFinite(Number(m[1])) && Number.isFinite(Number(m[2])))
        position = { x: Number(m[1]), y: Number(m[2]) }
      else
        problems.push({
          where: at([...path, 'metadata', 'annotations', POSITION_ANNOTATION]),
          problem: `${POSITION_ANNOTATION} must be "x,y" (two numbers), not "${pos}"`,
        })
    }
    const spec = { ...((w['spec'] as Obj | undefined) ?? {}) }
    if (type.tkcApi) spec['api'] = type.tkcApi
    add(type.kind, { id: notes[ID_ANNOTATION], name: meta['name'], position, spec }, ns, path)
  }
  const others = list(body['otherNodes'])
  const explicitParents = new Map<Pending, unknown>()
  others.forEach((o, i) => {
    const p = add(o['kind'] as Kind, o, null, ['otherNodes', i])
    explicitParents.set(p, o['parentId'] ?? null)
  })
  list(body['otherLinks']).forEach((l, i) =>
    links.push({
      id: typeof l['id'] === 'string' ? l['id'] : undefined,
      source: String(l['source']),
      target: String(l['target']),
      path: ['otherLinks', i],
      targetKey: 'target',
    }),
  )

  assignIds(pending, problems, at)
  for (const p of pending) {
    const schema = SPEC_SCHEMAS[p.node.kind]
    const parsed = schema.safeParse(p.node.spec)
    if (!parsed.success)
      for (const issue of parsed.error.issues.slice(0, 5))
        problems.push({
          where: at([...p.path, ...specPath(p), ...(issue.path as Path)]),
          problem: `${p.node.name}: spec${issue.path.map((k) => `.${String(k)}`).join('')}: ${issue.message}`,
        })
  }
  const ids = new Set(pending.map((p) => p.node.id))
  const nodes: LabNode[] = pending.map((p) => ({
    ...p.node,
    id: p.node.id ?? '',
    parentId: explicitParents.has(p)
      ? (explicitParents.get(p) as string | null)
      : (p.parent?.node.id ?? null),
  }))
  const usedLinkIds = new Set(links.map((l) => l.id).filter((id) => id !== undefined))
  const outLinks: Link[] = links.map((l, i) => {
    const source = typeof l.source === 'string' ? l.source : (l.source.node.id ?? '')
    if (!ids.has(source))
      problems.push({ where: at([...l.path, 'source']), problem: `no node with id "${source}"` })
    if (!ids.has(l.target))
      problems.push({ where: at([...l.path, l.targetKey]), problem: `no node with id "${l.target}"` })
    let id = l.id
    for (let n = i + 1; id === undefined; n++)
      if (!usedLinkIds.has(`link-${n}`)) usedLinkIds.add((id = `link-${n}`))
    return { id, kind: 'supervisor-cluster', source, target: l.target }
  })
  if (problems.length > 0) throw new LabTextError(problems.slice(0, 20))
  try {
    return parseLabDocument(
      { name: body['name'], description: body['description'] ?? '', topology: { nodes, links: outLinks } },
      file,
    )
  } catch (e) {
    throw new LabTextError([{ where: file, problem: e instanceof Error ? e.message : String(e) }])
  }
}

/** Where a node's spec is in the source: under `spec`, for workloads too. */
const specPath = (_p: Pending): Path => ['spec']

/** Gives every node without an id one made from its kind, and reports ids used twice. */
function assignIds(pending: Pending[], problems: LabTextProblem[], at: (path: Path) => string) {
  const seen = new Map<string, Pending>()
  for (const p of pending) {
    const id = p.node.id
    if (id === undefined) continue
    if (seen.has(id))
      problems.push({
        where: at(p.path),
        problem: `the id "${id}" is used twice (also at ${at(seen.get(id)!.path)})`,
      })
    seen.set(id, p)
  }
  const counters = new Map<string, number>()
  for (const p of pending) {
    if (p.node.id !== undefined) continue
    const prefix = NAME_PREFIX[p.node.kind]
    let n = counters.get(prefix) ?? 1
    while (seen.has(`${prefix}-${n}`)) n++
    p.node.id = `${prefix}-${n}`
    seen.set(p.node.id, p)
    counters.set(prefix, n + 1)
  }
}

/** `[x, y]` in the text (checked by the schema); 0,0 when left out. */
function toPosition(value: unknown): LabNode['position'] {
  if (Array.isArray(value)) return { x: Number(value[0]), y: Number(value[1]) }
  if (typeof value === 'object' && value !== null) return value as LabNode['position']
  return { x: 0, y: 0 }
}
