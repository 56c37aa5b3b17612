import { readdirSync } from 'node:fs'
import { join } from 'node:path'

import type { LabDocument } from '../shared/domain/lab-document'
import { readLabTextFile } from './lab-text'
import { resourcesDir } from './paths'

/**
 * The sample labs: `.lab.yaml` files in resources/samples, the demo (the seed deck's picture,
 * opened on first start) among them. `pacific-lab demo [NAME] OUT` writes any of them.
 */
export const samplesDir = () => join(resourcesDir(), 'samples')
const SUFFIX = '.lab.yaml'

/** The samples' names, the demo first, then by name. */
export function sampleNames(): string[] {
  const names = readdirSync(samplesDir())
    .filter((f) => f.endsWith(SUFFIX))
    .map((f) => f.slice(0, -SUFFIX.length))
  return names.sort((a, b) => (a === 'demo' ? -1 : b === 'demo' ? 1 : a < b ? -1 : a > b ? 1 : 0))
}

/** A sample lab by name; an unknown name is an error listing the known ones. */
export function loadSample(name: string): LabDocument {
  if (!sampleNames().includes(name))
    throw new Error(`no sample lab named "${name}"; the samples are: ${sampleNames().join(', ')}`)
  return readLabTextFile(join(samplesDir(), `${name}${SUFFIX}`))
}

/** The embedded demo lab (the seed deck's picture), read from resources/samples and validated. */
export const loadDemoLab = (): LabDocument => loadSample('demo')
