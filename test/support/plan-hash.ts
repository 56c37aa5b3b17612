// Prints the hash of a sample lab's golden run, for the cross-process determinism test:
// `node --import tsx test/support/plan-hash.ts NAME`.
import { createHash } from 'node:crypto'

import { loadSample } from '../../src/node/demo-lab'
import { sampleRun } from './golden-steps'

/** SHA-256 of a run serialized as JSON. */
export const runHash = (run: unknown) => createHash('sha256').update(JSON.stringify(run)).digest('hex')

if (process.argv[1]?.endsWith('plan-hash.ts'))
  console.log(runHash(sampleRun(loadSample(process.argv[2] ?? 'demo'))))
