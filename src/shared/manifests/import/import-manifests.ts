import { describeIssues } from '../../domain/describe-issues'
import type { Edit, EditBatch } from '../../domain/edits'
import { NAME_PREFIX } from '../../domain/kinds'
import { SPEC_SCHEMAS, type NamespaceSpecT } from '../../domain/specs'
import type { LabNode, Topology } from '../../domain/topology'
import { labContext, slowestCoreMhz, supervisorOfNamespace, type LabContext } from '../lab-context'
import type { SchemaValidator } from '../schema-check'
import { collect, type NamespaceBucket } from './collect'
import { parseFiles, type ImportError, type ImportFile } from './parse-files'

export interface ImportOptions {
  validate?: SchemaValidator | undefined
  defaultNamespace?: string | undefined
}

/** Either the edits that bring the files into the lab (null: nothing changes), or every error. */
export type ImportResult =
  | { ok: true; batch: EditBatch | null; summary: string[]; warnings: ImportError[] }
  | { ok: false; errors: ImportError[] }

/** Specs compare by content, whatever their key order. */
function canonical(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`
  if (value && typeof value === 'object')
    return `{${Object.keys(value)
      .sort()
      .map((k) => `${JSON.stringify(k)}:${canonical((value as Record<string, unknown>)[k])}`)
      .join(',')}}`
  return JSON.stringify(value) ?? 'undefined'
}

/**
 * Reads manifest files into the lab as one edit batch against `topology`: namespaces are
 * matched by name (added under their Supervisor when new), workloads by kind and name within
 * their namespace; kinds the lab does not model become `opaque` nodes. Nothing is removed.
 * On any error there is no batch at all, so a bad file never changes the lab.
 */
export function importManifests(
  topology: Topology,
  files: readonly ImportFile[],
  options: ImportOptions = {},
): ImportResult {
  const parsed = parseFiles(files)
  if (parsed.errors.length) return { ok: false, errors: parsed.errors }
  const lab = labContext(topology)
  const existingNs = new Map(lab.ofKind('namespace').map((n) => [n.name, n]))
  const mhzPerCore = (ns: string) => {
    const node = existingNs.get(ns)
    const sv = node ? supervisorOfNamespace(lab, node) : lab.ofKind('supervisor')[0]
    return slowestCoreMhz(lab, sv ? lab.clustersOf(sv)[0] : undefined)
  }
  const { buckets, errors, warnings } = collect(parsed.objects, { ...options, mhzPerCore })
  if (errors.length) return { ok: false, errors }
  const plan = new BatchPlan(lab)
  for (const b of buckets) plan.namespace(b, existingNs.get(b.name))
  if (plan.errors.length) return { ok: false, errors: plan.errors }
  const edits = plan.edits()
  const batch: EditBatch | null = edits.length ? { label: `Import ${plan.describe()}`, edits } : null
  return { ok: true, batch, summary: plan.summary, warnings }
}

const GRID = { x: 220, y: 130, columns: 4 }

class BatchPlan {
  readonly errors: ImportError[] = []
  readonly summary: string[] = []
  private readonly added: LabNode[] = []
  private readonly specEdits: Edit[] = []
  private readonly ids: Set<string>
  private readonly newInParent = new Map<string, number>()

  constructor(private readonly lab: LabContext) {
    this.ids = new Set(lab.topology.nodes.map((n) => n.id))
  }

  private id(kind: LabNode['kind'], ns: string, name: string): string {
    const base = `${NAME_PREFIX[kind]}-${ns}-${name}`.slice(0, 120)
    let id = base
    for (let n = 2; this.ids.has(id); n++) id = `${base}-${n}`
    this.ids.add(id)
    return id
  }

  private position(parentId: string) {
    const existing = (this.lab.index.children.get(parentId) ?? []).length
    const k = this.newInParent.get(parentId) ?? 0
    this.newInParent.set(parentId, k + 1)
    const i = existing + k
    return { x: 20 + (i % GRID.columns) * GRID.x, y: 50 + Math.floor(i / GRID.columns) * GRID.y }
  }

  private supervisorFor(b: NamespaceBucket): LabNode | null {
    const cluster = this.lab.ofKind('cluster').find((c) => c.name === b.namespace?.clusterName)
    const bound = cluster ? this.lab.supervisorOf(cluster) : undefined
    if (bound) return bound
    const all = this.lab.ofKind('supervisor')
    if (all.length === 1 && all[0]) return all[0]
    const source = b.namespace?.object ?? b.workloads[0]?.source
    if (source)
      this.errors.push({
        file: source.file,
        ...source.at([]),
        message:
          all.length === 0
            ? `the lab has no Supervisor to hold namespace ${b.name}; add one first`
            : `namespace ${b.name}: the lab has ${all.length} Supervisors and label vSphereClusterID names none of their clusters`,
      })
    return null
  }

  namespace(b: NamespaceBucket, existing: LabNode | undefined) {
    const base: Record<string, unknown> = b.namespace ? {} : { ...(existing?.spec ?? {}) }
    if (!b.namespace && !existing) {
      const source = b.workloads[0]?.source
      if (source)
        this.errors.push({
          file: source.file,
          ...source.at(['metadata', 'namespace']),
          message: `namespace ${b.name} is neither in the files nor in the lab`,
        })
      return
    }
    const merged: Record<string, unknown> = { ...base }
    for (const part of b.parts) Object.assign(merged, part)
    if (b.namespace) Object.assign(merged, b.namespace.part)
    if (b.namespace || b.permissions.length) merged.permissions = b.permissions
    const policies = { ...((merged.policies as NamespaceSpecT['policies'] | undefined) ?? {}) }
    if (b.namespace || b.allowOnlyPort443)
      merged.policies = { ...policies, allowOnlyPort443: b.allowOnlyPort443 }
    const source = b.namespace?.object ?? b.workloads[0]?.source
    const spec = SPEC_SCHEMAS.namespace.safeParse(merged)
    if (!spec.success) {
      if (source)
        this.errors.push({
          file: source.file,
          ...source.at([]),
          message: `namespace ${b.name}: ${describeIssues(spec.error)}`,
        })
      return
    }
    let nsId: string
    if (existing) {
      nsId = existing.id
      if (canonical(existing.spec) !== canonical(spec.data)) {
        this.specEdits.push({ type: 'setSpec', id: existing.id, before: existing.spec, after: spec.data })
        this.summary.push(`update namespace ${b.name}`)
      }
    } else {
      const supervisor = this.supervisorFor(b)
      if (!supervisor) return
      nsId = this.id('namespace', supervisor.name, b.name)
      this.added.push({
        id: nsId,
        kind: 'namespace',
        name: b.name,
        parentId: supervisor.id,
        position: this.position(supervisor.id),
        spec: spec.data,
      })
      this.summary.push(`add namespace ${b.name} to ${supervisor.name}`)
    }
    const children = existing ? (this.lab.index.children.get(existing.id) ?? []) : []
    for (const w of b.workloads) {
      const parsedSpec = SPEC_SCHEMAS[w.kind].safeParse(w.spec)
      if (!parsedSpec.success) {
        this.errors.push({
          file: w.source.file,
          ...w.source.at([]),
          message: `${w.kind} ${w.name}: ${describeIssues(parsedSpec.error)}`,
        })
        continue
      }
      const spec = parsedSpec.data as Record<string, unknown>
      const sameKind = (n: LabNode) =>
        n.kind === w.kind &&
        n.name === w.name &&
        (w.kind !== 'opaque' || canonical(kindOf(n.spec)) === canonical(kindOf(spec)))
      const match = children.find(sameKind)
      const label = `${w.kind === 'opaque' ? String(kindOf(spec).kind) : w.kind} ${b.name}/${w.name}`
      if (match) {
        if (canonical(match.spec) !== canonical(spec)) {
          this.specEdits.push({ type: 'setSpec', id: match.id, before: match.spec, after: spec })
          this.summary.push(`update ${label}`)
        }
        continue
      }
      this.added.push({
        id: this.id(w.kind, b.name, w.name),
        kind: w.kind,
        name: w.name,
        parentId: nsId,
        position: this.position(nsId),
        spec,
      })
      this.summary.push(`add ${label}`)
    }
  }

  edits(): Edit[] {
    const out: Edit[] = []
    if (this.added.length) out.push({ type: 'addNodes', nodes: this.added, links: [] })
    return [...out, ...this.specEdits]
  }

  describe(): string {
    const n = this.summary.length
    return n === 1 ? (this.summary[0] ?? '') : `${n} changes from manifests`
  }
}

/** An opaque node's identity beyond its name: apiVersion group and kind of its manifest. */
function kindOf(spec: Record<string, unknown>): { kind: unknown; group: string } {
  const m = (spec.manifest ?? {}) as Record<string, unknown>
  const apiVersion = typeof m.apiVersion === 'string' ? m.apiVersion : ''
  return {
    kind: m.kind,
    group: apiVersion.includes('/') ? apiVersion.slice(0, apiVersion.lastIndexOf('/')) : '',
  }
}
