import { describeIssues } from '../../domain/describe-issues'
import type { Edit } from '../../domain/edits'
import { NAME_PREFIX } from '../../domain/kinds'
import { SPEC_SCHEMAS, type NamespaceSpecT } from '../../domain/specs'
import type { LabNode } from '../../domain/topology'
import type { LabContext } from '../lab-context'
import type { WorkloadContext } from '../workload-forms'
import type { NamespaceBucket } from './collect'
import { namespaceExtra, workloadExtra } from './keep-extra'
import type { ImportError, ParsedObject } from './parse-files'

const GRID = { x: 220, y: 130, columns: 4 }

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
 * The edits an import makes: namespaces matched by name (added under their Supervisor when
 * new), workloads by kind and name within their namespace, each spec with what import kept of
 * its object. `origins` says which document each added or changed node came from.
 */
export class BatchPlan {
  readonly errors: ImportError[] = []
  readonly summary: string[] = []
  readonly origins = new Map<string, ParsedObject>()
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

  private mergedSpec(b: NamespaceBucket, existing: LabNode | undefined): Record<string, unknown> {
    const merged: Record<string, unknown> = b.namespace ? {} : { ...(existing?.spec ?? {}) }
    for (const part of b.parts) Object.assign(merged, part)
    if (b.namespace) Object.assign(merged, b.namespace.part)
    if (b.namespace || b.permissions.length) merged.permissions = b.permissions
    const policies = { ...((merged.policies as NamespaceSpecT['policies'] | undefined) ?? {}) }
    if (b.namespace || b.allowOnlyPort443)
      merged.policies = { ...policies, allowOnlyPort443: b.allowOnlyPort443 }
    return merged
  }

  namespace(b: NamespaceBucket, existing: LabNode | undefined) {
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
    const source = b.namespace?.object ?? b.workloads[0]?.source
    const parsed = SPEC_SCHEMAS.namespace.safeParse(this.mergedSpec(b, existing))
    if (!parsed.success) {
      if (source)
        this.errors.push({
          file: source.file,
          ...source.at([]),
          message: `namespace ${b.name}: ${describeIssues(parsed.error)}`,
        })
      return
    }
    const supervisor = existing
      ? existing.parentId === null
        ? undefined
        : this.lab.index.byId.get(existing.parentId)
      : this.supervisorFor(b)
    if (!existing && !supervisor) return
    const cluster = supervisor ? this.lab.clustersOf(supervisor)[0] : undefined
    const spec: NamespaceSpecT = { ...parsed.data }
    if (b.namespace) {
      const extra = namespaceExtra(b.name, spec, b.namespace.read, cluster?.name ?? '')
      if (extra) spec.extra = extra
      else delete spec.extra
    }
    let nsId: string
    if (existing) {
      nsId = existing.id
      if (canonical(existing.spec) !== canonical(spec)) {
        this.specEdits.push({ type: 'setSpec', id: existing.id, before: existing.spec, after: spec })
        this.summary.push(`update namespace ${b.name}`)
      }
    } else {
      if (!supervisor) return
      nsId = this.id('namespace', supervisor.name, b.name)
      this.added.push({
        id: nsId,
        kind: 'namespace',
        name: b.name,
        parentId: supervisor.id,
        position: this.position(supervisor.id),
        spec,
      })
      this.summary.push(`add namespace ${b.name} to ${supervisor.name}`)
    }
    if (b.namespace) this.origins.set(nsId, b.namespace.object)
    const network = supervisor ? this.lab.networkOf(supervisor) : undefined
    const ctx: WorkloadContext = {
      ns: b.name,
      network: (network?.spec as { type?: 'nsx' | 'vds' } | undefined)?.type ?? 'nsx',
      vmNames: [],
      podLabels: [],
    }
    this.workloads(b, nsId, existing, ctx)
  }

  private workloads(b: NamespaceBucket, nsId: string, existing: LabNode | undefined, ctx: WorkloadContext) {
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
      if (w.kind !== 'opaque') {
        const extra = workloadExtra(w.kind, w.name, spec, w.read, ctx)
        if (extra) spec.extra = extra
      }
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
          this.origins.set(match.id, w.source)
        }
        continue
      }
      const id = this.id(w.kind, b.name, w.name)
      this.added.push({ id, kind: w.kind, name: w.name, parentId: nsId, position: this.position(nsId), spec })
      this.summary.push(`add ${label}`)
      this.origins.set(id, w.source)
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
