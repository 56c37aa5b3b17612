import { spawn } from 'node:child_process'
import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'

import { describe, expect, it } from 'vitest'

import { loadDemoLab } from '../../src/node/demo-lab'
import { LabFile } from '../../src/node/persistence/lab-file'
import { listRuns } from '../../src/node/persistence/runs'

const ITERATIONS = 20
/** Stop adding iterations after this long (the machine is shared), but always run at least MIN. */
const BUDGET_MS = 60_000
const MIN_ITERATIONS = 10

/**
 * Runs the writer and kills it with SIGKILL at a random moment, returns what it said. With
 * `midRun` the moment is just after it begins writing a run (a run takes tens of milliseconds),
 * so the kill usually lands inside the run's transaction; otherwise anywhere after it is ready.
 */
function writeUntilKilled(path: string, tag: string, midRun: boolean): Promise<string[]> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', 'test/crash/writer.ts', path, tag], {
      stdio: ['ignore', 'pipe', 'pipe'],
    })
    let out = ''
    let err = ''
    let killed = false
    child.stdout.on('data', (chunk: Buffer) => {
      out += chunk.toString()
      if (!killed && out.includes(midRun ? 'begin ' : 'ready\n')) {
        killed = true
        setTimeout(() => child.kill('SIGKILL'), Math.random() * (midRun ? 20 : 400))
      }
    })
    child.stderr.on('data', (chunk: Buffer) => (err += chunk.toString()))
    child.once('exit', (code, signal) => {
      if (signal !== 'SIGKILL') reject(new Error(`writer ended by itself (${code}): ${err}`))
      else resolve(out.split('\n').filter((l) => l !== ''))
    })
  })
}

describe('crash safety', () => {
  it('keeps the lab whole when a writer is killed at random moments', async () => {
    const path = join(mkdtempSync(join(tmpdir(), 'pl-crash-')), 'crash.pacificlab')
    LabFile.create(path, loadDemoLab()).close()
    const committedEdits: string[] = []
    const committedRuns: string[] = []
    const started = Date.now()
    let iterations = 0
    /** Runs the writer had begun but not reported committed when it was killed. */
    const interrupted: string[] = []
    for (let i = 0; i < ITERATIONS; i++) {
      if (i >= MIN_ITERATIONS && Date.now() - started > BUDGET_MS) break
      const lines = await writeUntilKilled(path, String(i), i % 2 === 1)
      iterations++
      for (const line of lines) {
        const [what, id] = line.split(' ')
        if (what === 'edit' && id) committedEdits.push(id)
        if (what === 'run' && id) committedRuns.push(id)
      }
      const last = lines.at(-1) ?? ''
      if (last.startsWith('begin ')) interrupted.push(last.slice('begin '.length))
      // Open as the app does after a crash: probe read-only, then recover the WAL.
      const lab = LabFile.open(path)
      const db = lab.db
      expect(db.pragma('integrity_check', { simple: true })).toBe('ok')
      const hosts = new Set(db.prepare("SELECT id FROM nodes WHERE kind = 'host'").pluck().all() as string[])
      for (const id of committedEdits) expect(hosts.has(id), `edit ${id} was reported committed`).toBe(true)
      // A run stored in batches and killed before its last one is in the file unfinished: it
      // must not be listed (and the next run started drops it).
      const runs = db
        .prepare(
          'SELECT id, step_count AS declared, (SELECT count(*) FROM steps WHERE run_id = runs.id) AS stored FROM runs WHERE complete = 1',
        )
        .all() as { id: string; declared: number; stored: number }[]
      for (const run of runs) expect(run.stored, `run ${run.id} is whole`).toBe(run.declared)
      const runIds = new Set(runs.map((r) => r.id))
      expect(
        listRuns(db)
          .map((r) => r.id)
          .sort(),
      ).toEqual([...runIds].sort())
      for (const id of committedRuns) expect(runIds.has(id), `run ${id} was reported committed`).toBe(true)
      const orphans = db
        .prepare('SELECT count(*) FROM steps WHERE run_id NOT IN (SELECT id FROM runs)')
        .pluck()
        .get()
      expect(orphans).toBe(0)
      // The document read at open agrees with the rows.
      expect(lab.document.topology.nodes.filter((n) => n.kind === 'host').length).toBe(hosts.size)
      lab.close()
    }
    expect(iterations).toBeGreaterThanOrEqual(MIN_ITERATIONS)
    console.warn(
      `crash test: ${iterations} kills, ${committedEdits.length} edits and ${committedRuns.length} runs reported committed, ${interrupted.length} kills during a run`,
    )
    // The test means something only if the writer got work done before the kills.
    expect(committedEdits.length).toBeGreaterThan(iterations)
  }, 240_000)
})
