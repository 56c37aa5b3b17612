import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'

import { loadDemoLab } from '../src/node/demo-lab'
import { LabFile } from '../src/node/persistence/lab-file'
import { saveRun, type Step } from '../src/node/persistence/runs'
import { medianMs, round, type Benchmark } from './harness'

const PODS = 10_000

/**
 * Step-like objects for a 10,000-PodVM run: 7 per pod (scheduled, placed, spherelet, image,
 * volume, network, running) plus 5,000 control-plane and overhead steps (75,000 in all), about 400 bytes of JSON each. Synthetic
 * until the engine's 10,000-pod run generator lands; then use its steps here.
 */
function syntheticRun(): Step[] {
  const phases = [
    'scheduled',
    'placed',
    'spherelet-started',
    'image-pulled',
    'volume-attached',
    'network-ready',
    'running',
  ]
  const steps: Step[] = []
  for (let i = 0; i < 5_000; i++)
    steps.push({
      seq: steps.length,
      type: 'control-plane',
      object: `supervisorcontrolplanevm-${i}`,
      text: 'Supervisor control plane reconciles (overhead step)'.padEnd(300, '.'),
    })
  for (let pod = 0; pod < PODS; pod++)
    for (const phase of phases)
      steps.push({
        seq: steps.length,
        type: phase,
        at: steps.length * 10,
        object: { kind: 'Pod', namespace: 'namespace-01', name: `fn-${pod}` },
        host: `host-${(pod % 3) + 1}`,
        resources: { cpu: 250, memory: 512 },
        text: `vSphere Pod fn-${pod}: ${phase} on esxi-0${(pod % 3) + 1} (the Spherelet runs it as a PodVM; DOMAIN.md 4)`,
        source: 'DOMAIN.md 4b (inferred)',
        why: `DRS placed it on the host with the most free CPU and memory after the step before (${pod})`,
      })
  return steps
}

/** Writing a run's steps through the lab (saveRun) beside raw better-sqlite3 inserting the same rows. */
export const persistenceBenchmark: Benchmark = {
  name: 'persistence',
  async run() {
    const dir = mkdtempSync(join(tmpdir(), 'pl-bench-persist-'))
    const lab = LabFile.create(join(dir, 'bench.pacificlab'), loadDemoLab())
    try {
      const steps = syntheticRun()
      const rows = steps.map((s) => JSON.stringify(s))
      const bytes = rows.reduce((n, r) => n + r.length, 0)
      let k = 0
      const viaLab = await medianMs(3, () => saveRun(lab.db, { id: `lab-${k++}`, seed: 1 }, steps))
      const insert = lab.db.prepare('INSERT INTO steps (run_id, seq, json) VALUES (?, ?, ?)')
      const addRun = lab.db.prepare(
        "INSERT INTO runs (id, seed, faults, created, label, parent_run_id, step_count) VALUES (?, 1, '[]', '', '', NULL, 0)",
      )
      let r = 0
      const raw = await medianMs(3, () =>
        lab.db.transaction(() => {
          const id = `raw-${r++}`
          addRun.run(id)
          for (let seq = 0; seq < rows.length; seq++) insert.run(id, seq, rows[seq])
        })(),
      )
      return {
        steps: steps.length,
        bytesPerStep: round(bytes / steps.length, 0),
        labStepsPerSecond: round(steps.length / (viaLab / 1000), 0),
        rawStepsPerSecond: round(steps.length / (raw / 1000), 0),
        labOverRawTimeRatio: round(viaLab / raw),
      }
    } finally {
      lab.close()
      rmSync(dir, { recursive: true, force: true })
    }
  },
}
