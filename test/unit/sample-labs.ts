import { existsSync, readdirSync } from 'node:fs'
import { join } from 'node:path'

import { loadDemoLab } from '../../src/node/demo-lab'
import { readLabTextFile } from '../../src/node/lab-text'
import type { LabDocument } from '../../src/shared/domain/lab-document'

/** Files of every sample lab (resources/samples, when it exists) and of this suite's labs. */
export function sampleLabFiles(): string[] {
  return ['resources/samples', 'test/fixtures/labs']
    .filter((d) => existsSync(d))
    .flatMap((d) =>
      readdirSync(d)
        .filter((f) => f.endsWith('.lab.yaml'))
        .sort()
        .map((f) => join(d, f)),
    )
}

/** The demo and every sample lab, read. */
export function sampleLabs(): { name: string; lab: LabDocument }[] {
  return [
    { name: 'demo', lab: loadDemoLab() },
    ...sampleLabFiles().map((f) => ({ name: f, lab: readLabTextFile(f) })),
  ]
}
