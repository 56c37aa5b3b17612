import demoText from '../../../../resources/samples/demo.lab.yaml?raw'
import { plan } from '../../../shared/engine/plan'
import { labFromText } from '../../../shared/lab-text/from-text'

/** The demo lab and its run with seed 1, for tests of the playback helpers. */
export function loadDemo() {
  const { topology } = labFromText(demoText, 'resources/samples/demo.lab.yaml')
  return { topology, run: plan(topology, undefined, 1) }
}
