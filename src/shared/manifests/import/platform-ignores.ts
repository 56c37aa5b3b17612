import { applyBatch, type EditBatch } from '../../domain/edits'
import type { Topology } from '../../domain/topology'
import { validateTopology } from '../../domain/validation/validate'
import type { ImportError, ParsedObject } from './parse-files'

/**
 * The validation rules that find what the platform accepts and then ignores (DOMAIN.md 4c), and
 * where in an imported object the field they concern is. Import warns with exactly their words,
 * so the warning and the problems panel say the same thing.
 */
const IGNORED: Readonly<Record<string, (kind: string) => (string | number)[]>> = {
  'pod-host-network-ignored': (kind) =>
    kind === 'Deployment' ? ['spec', 'template', 'spec', 'hostNetwork'] : ['spec', 'hostNetwork'],
  'service-type-ignored': () => ['spec', 'type'],
}

/** Warnings for the imported objects the platform would partly ignore, at the field concerned. */
export function platformIgnores(
  topology: Topology,
  batch: EditBatch,
  origins: ReadonlyMap<string, ParsedObject>,
): ImportError[] {
  const out: ImportError[] = []
  for (const p of validateTopology(applyBatch(topology, batch))) {
    const at = IGNORED[p.code]
    const source = origins.get(p.objectId)
    if (!at || !source) continue
    const path = at(typeof source.object.kind === 'string' ? source.object.kind : '')
    out.push({
      file: source.file,
      ...source.at(path),
      message: `${p.message}. ${p.hint}`,
      path: path.join('.'),
    })
  }
  return out
}
