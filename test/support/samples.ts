import { readFileSync } from 'node:fs'

import type { LabDocument } from '../../src/shared/domain/lab-document'
import { labFromText } from '../../src/shared/lab-text/from-text'

/**
 * A sample lab (resources/samples) for tests that cannot reach the Node loader: shared tests and
 * Playwright specs. Same parser as the app, without the JSON Schema check the loader adds.
 */
export function sampleLab(name: string): LabDocument {
  const file = `resources/samples/${name}.lab.yaml`
  return labFromText(readFileSync(file, 'utf8'), file)
}

export const demoTopology = () => sampleLab('demo').topology
