// One import in a process of its own, so its peak memory is its own: run by
// manifests.bench.ts as `node --import tsx bench/import-peak.ts FILE` (FILE `none`: the baseline).
import { readImportFiles } from '../src/node/manifests/manifest-files'
import { EMPTY_TOPOLOGY } from '../src/shared/domain/topology'
import { importManifests } from '../src/shared/manifests/import/import-manifests'
import { ownPeakKiB } from './own-peak.mjs'

const file = process.argv[2] ?? 'none'
const start = performance.now()
let outcome = 'baseline'
if (file !== 'none')
  try {
    const result = importManifests(EMPTY_TOPOLOGY, readImportFiles([file]))
    outcome = result.ok ? 'imported' : `refused: ${result.errors[0]?.message ?? ''}`
  } catch (e) {
    outcome = `refused: ${e instanceof Error ? e.message : String(e)}`
  }
const ms = performance.now() - start
console.log(JSON.stringify({ peakMiB: ownPeakKiB() / 1024, ms, outcome }))
