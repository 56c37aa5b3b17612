import { spawnSync } from 'node:child_process'
import { mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'

import { LabFile } from '../src/node/persistence/lab-file'
import { generateLargeLab, type LargeLabOptions } from '../src/shared/domain/large-lab'
import { round } from './harness'

/** The 100,000-pod lab: ten clusters of 64 hosts, each its own Supervisor with 50 namespaces of 200 pods. */
export const LAB_100K: LargeLabOptions = { clusters: 10, hosts: 640, namespaces: 500, pods: 100_000 }

interface Measured {
  wallMs: number
  cpuMs: number
  peakMiB: number
}

/** One `pacific-lab run LAB --quiet` in a process of its own: its wall time, CPU time and peak RSS. */
function headlessRun(lab: string, figuresFile: string): Measured {
  const start = performance.now()
  const r = spawnSync(process.execPath, ['bench/measure-cli.mjs', 'run', lab, '--quiet'], {
    encoding: 'utf8',
    env: { ...process.env, MEASURE_OUT: figuresFile },
    maxBuffer: 1 << 28,
  })
  const wallMs = performance.now() - start
  if (r.status !== 0) throw new Error(`pacific-lab run ${lab} --quiet failed: ${r.stderr}`)
  const f = JSON.parse(readFileSync(figuresFile, 'utf8')) as { maxRssKiB: number; cpuMs: number }
  return { wallMs, cpuMs: f.cpuMs, peakMiB: f.maxRssKiB / 1024 }
}

/**
 * Headless runs of the 10,000-pod lab and of the 100,000-pod lab (LAB_100K), each a whole CLI
 * process from lab file to summary: the 100,000-pod run's peak memory, and its time over the
 * 10,000-pod run's (CPU time, which load from elsewhere on the machine does not inflate; wall
 * time beside it).
 */
export function headlessScale(): Record<string, number> {
  const dir = mkdtempSync(join(tmpdir(), 'pl-bench-scale-'))
  try {
    const labs = { small: join(dir, '10k.pacificlab'), large: join(dir, '100k.pacificlab') }
    LabFile.create(labs.small, generateLargeLab()).close()
    LabFile.create(labs.large, generateLargeLab(LAB_100K)).close()
    const small = headlessRun(labs.small, join(dir, 'small.json'))
    const large = headlessRun(labs.large, join(dir, 'large.json'))
    return {
      run10kCpuMs: round(small.cpuMs, 0),
      run10kWallMs: round(small.wallMs, 0),
      run10kPeakMiB: round(small.peakMiB, 0),
      run100kCpuMs: round(large.cpuMs, 0),
      run100kWallMs: round(large.wallMs, 0),
      run100kPeakMiB: round(large.peakMiB, 0),
      run100kScaling: round(large.cpuMs / small.cpuMs, 2),
      run100kWallScaling: round(large.wallMs / small.wallMs, 2),
    }
  } finally {
    rmSync(dir, { recursive: true, force: true })
  }
}
