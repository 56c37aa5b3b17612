import { readFileSync } from 'node:fs'
import { join } from 'node:path'

import { parseLabDocument, type LabDocument } from '../shared/domain/lab-document'
import { resourcesDir } from './paths'

/** The embedded demo lab (the seed deck's picture), read from resources/ and validated. */
export function loadDemoLab(): LabDocument {
  const file = join(resourcesDir(), 'demo-lab.json')
  return parseLabDocument(JSON.parse(readFileSync(file, 'utf8')), file)
}
