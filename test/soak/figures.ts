import { createHash } from 'node:crypto'
import { mkdirSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'

import type { LabService } from '../../src/node/lab-service'

/** `npm run test:soak` sets this: the full sizes (1,000 inputs per request and transport). */
export const SOAK = process.env['PACIFIC_LAB_SOAK'] === '1'

/**
 * What a user would call the lab's content: its name, topology, undo and redo, view and runs.
 * A refused request must leave it exactly as it was.
 */
export function contentHash(service: LabService): string {
  const { revision: _revision, ...snapshot } = service.handlers.getTopology()
  const content = { snapshot, view: service.handlers.getViewState(), runs: service.handlers.listRuns() }
  return createHash('sha256').update(JSON.stringify(content)).digest('hex')
}

/** Where the soak figures go: scripts/soak.mjs reads them for its closing note. */
export const FIGURES_DIR = join(import.meta.dirname, '..', '..', 'test-results')

export function recordFigures(name: string, figures: Record<string, unknown>) {
  mkdirSync(FIGURES_DIR, { recursive: true })
  writeFileSync(join(FIGURES_DIR, `soak-${name}.json`), JSON.stringify({ soak: SOAK, ...figures }, null, 2))
}
