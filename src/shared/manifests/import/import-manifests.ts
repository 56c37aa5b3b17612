import type { EditBatch } from '../../domain/edits'
import { settleBatch } from '../../domain/layout/settle-batch'
import type { Topology } from '../../domain/topology'
import { labContext, slowestCoreMhz, supervisorOfNamespace } from '../lab-context'
import type { SchemaValidator } from '../schema-check'
import { BatchPlan } from './batch-plan'
import { collect } from './collect'
import { parseFiles, type ImportError, type ImportFile } from './parse-files'
import { platformIgnores } from './platform-ignores'

export interface ImportOptions {
  validate?: SchemaValidator | undefined
  defaultNamespace?: string | undefined
}

/**
 * Either the edits that bring the files into the lab (null: nothing changes), or every error.
 * Warnings are what the platform itself would ignore; notes say how something was read.
 */
export type ImportResult =
  | { ok: true; batch: EditBatch | null; summary: string[]; warnings: ImportError[]; notes: ImportError[] }
  | { ok: false; errors: ImportError[] }

/**
 * Reads manifest files into the lab as one edit batch against `topology`: namespaces are
 * matched by name (added under their Supervisor when new), workloads by kind and name within
 * their namespace; kinds the lab does not model become `opaque` nodes, and what a modelled
 * object says beyond the model is kept with it (`spec.extra`). Nothing is removed. On any
 * error there is no batch at all, so a bad file never changes the lab.
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
  const { buckets, errors, warnings, notes } = collect(parsed.objects, { ...options, mhzPerCore })
  if (errors.length) return { ok: false, errors }
  const plan = new BatchPlan(lab)
  for (const b of buckets) plan.namespace(b, existingNs.get(b.name))
  if (plan.errors.length) return { ok: false, errors: plan.errors }
  const edits = plan.edits()
  const batch: EditBatch | null = edits.length ? { label: `Import ${plan.describe()}`, edits } : null
  const ignored = batch ? platformIgnores(topology, batch, plan.origins) : []
  // Imported objects land where they overlap nothing (and grown namespaces push their siblings).
  return {
    ok: true,
    batch: batch && settleBatch(topology, batch),
    summary: plan.summary,
    warnings: [...warnings, ...ignored],
    notes,
  }
}
