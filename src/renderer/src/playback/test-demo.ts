import demo from '../../../../resources/demo-lab.json'
import { parseLabDocument } from '../../../shared/domain/lab-document'
import { plan } from '../../../shared/engine/plan'

/** The demo lab and its run with seed 1, for tests of the playback helpers. */
export function loadDemo() {
  const { topology } = parseLabDocument(demo, 'resources/demo-lab.json')
  return { topology, run: plan(topology, undefined, 1) }
}
