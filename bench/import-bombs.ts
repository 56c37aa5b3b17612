import { spawnSync } from 'node:child_process'
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'

import { IMPORT_LIMITS } from '../src/shared/manifests/import/limits'
import { writeWhitespaceZip } from '../test/fixtures/whitespace-zip'
import { round } from './harness'

const MiB = 1024 * 1024

const pod = (i: number) =>
  `---\napiVersion: v1\nkind: Pod\nmetadata:\n  name: web-${i}\n  namespace: finance\n  labels: {app: web}\nspec:\n  containers:\n  - name: app\n    image: nginx:1.25\n    resources: {requests: {cpu: 100m, memory: 128Mi}}\n`

/** A manifest of real pods, one document each, of at least `bytes` or exactly `count` documents. */
function writePods(path: string, until: { bytes?: number; count?: number }) {
  const pods: string[] = []
  let size = 0
  for (let i = 0; size < (until.bytes ?? Infinity) && i < (until.count ?? Infinity); i++) {
    const doc = pod(i)
    pods.push(doc)
    size += doc.length
  }
  writeFileSync(path, pods.join(''))
}

/** Imports `file` in a child process; its peak RSS in MiB and time in ms. */
function measure(file: string): { peakMiB: number; ms: number; outcome: string } {
  const child = spawnSync(
    process.execPath,
    ['--import', 'tsx', join(import.meta.dirname, 'import-peak.ts'), file],
    {
      encoding: 'utf8',
      maxBuffer: 16 * MiB,
    },
  )
  if (child.status !== 0) throw new Error(`import-peak ${file} failed: ${child.stderr}`)
  return JSON.parse(child.stdout.trim().split('\n').pop() ?? '{}') as {
    peakMiB: number
    ms: number
    outcome: string
  }
}

/**
 * Peak memory of a zip bomb and a 100 MB manifest, each imported in a child process (figures
 * `importBombPeakMiB` < 600 and `importLargePeakMiB` < 1024), beside a child that imports nothing
 * and one that reads the largest manifest the limits accept (as many pods as the document limit).
 */
export function importPeaks(): Record<string, number> {
  const dir = mkdtempSync(join(tmpdir(), 'pl-bench-import-'))
  try {
    const bomb = join(dir, 'bomb.zip')
    const large = join(dir, 'large.yaml')
    const atLimit = join(dir, 'at-limit.yaml')
    // A zip of about 1 MB whose one manifest inflates to 512 MiB of whitespace (issue 14, defect 4).
    writeWhitespaceZip(bomb, 512)
    writePods(large, { bytes: 100 * MiB })
    writePods(atLimit, { count: IMPORT_LIMITS.documents })
    const baseline = measure('none')
    const b = measure(bomb)
    const l = measure(large)
    const a = measure(atLimit)
    if (process.argv.includes('--verbose'))
      console.error(`bomb: ${b.outcome}\nlarge: ${l.outcome}\nat limit: ${a.outcome.slice(0, 200)}`)
    return {
      importBaselinePeakMiB: round(baseline.peakMiB, 0),
      importAtLimitPeakMiB: round(a.peakMiB, 0),
      importAtLimitMs: round(a.ms, 0),
      importBombPeakMiB: round(b.peakMiB, 0),
      importBombMs: round(b.ms, 0),
      importLargePeakMiB: round(l.peakMiB, 0),
      importLargeMs: round(l.ms, 0),
    }
  } finally {
    rmSync(dir, { recursive: true, force: true })
  }
}
