import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'

import { afterEach, describe, expect, it } from 'vitest'

import { loadDemoLab } from '../../src/node/demo-lab'
import { LabFile } from '../../src/node/persistence/lab-file'
import { beginRun } from '../../src/node/persistence/run-batches'
import { getSteps, listRuns } from '../../src/node/persistence/runs'
import { LAB_APPLICATION_ID, LAB_MIGRATIONS, migrate, userVersion } from '../../src/node/persistence/schema'
import { openSqlite } from '../../src/node/persistence/sqlite'
import { fakeStep } from '../fake-step'

const opened: LabFile[] = []
afterEach(() => {
  for (const lab of opened.splice(0)) lab.close()
})
function open(path: string) {
  const lab = LabFile.open(path)
  opened.push(lab)
  return lab
}
function newLab() {
  const path = join(mkdtempSync(join(tmpdir(), 'pl-batches-')), 'lab.pacificlab')
  LabFile.create(path, loadDemoLab()).close()
  return path
}
const steps = (from: number, count: number) => Array.from({ length: count }, (_, i) => fakeStep(from + i))
const summary = { seed: 1, steps: 6, durationMs: 60, statuses: {}, problems: [], faults: [] }

describe('a run stored in batches', () => {
  it('is listed only once its last batch is stored, and then whole', () => {
    const lab = open(newLab())
    const run = beginRun(lab.db, 'r1', { seed: 1, label: 'Run 1' })
    run.append(steps(1, 2))
    run.append(steps(3, 2))
    expect(listRuns(lab.db)).toEqual([])
    expect(() => getSteps(lab.db, 'r1')).toThrow(/no run with id "r1"/)
    const info = run.finish(steps(5, 2), 6, summary)
    expect(info).toMatchObject({ id: 'r1', label: 'Run 1', stepCount: 6, summary })
    expect(listRuns(lab.db)).toEqual([info])
    expect(getSteps(lab.db, 'r1').map((s) => s.seq)).toEqual([1, 2, 3, 4, 5, 6])
  })

  it('leaves nothing listed when the writer stops mid-way, and the next run drops what it left', () => {
    const path = newLab()
    const first = LabFile.open(path)
    const done = beginRun(first.db, 'whole', { seed: 1 })
    done.finish(steps(1, 3), 3, summary)
    const half = beginRun(first.db, 'half', { seed: 2 })
    half.append(steps(1, 4))
    // The process goes away before the last batch: the connection closes with the run unfinished.
    first.close()

    const second = open(path)
    expect(listRuns(second.db).map((r) => r.id)).toEqual(['whole'])
    expect(() => getSteps(second.db, 'half')).toThrow(/no run with id "half"/)
    const next = beginRun(second.db, 'next', { seed: 3 })
    const count = (id: string) =>
      second.db.prepare('SELECT count(*) FROM steps WHERE run_id = ?').pluck().get(id) as number
    expect(count('half')).toBe(0)
    expect(count('whole')).toBe(3)
    next.append(steps(1, 1))
    next.abandon()
    expect(count('next')).toBe(0)
    expect(listRuns(second.db).map((r) => r.id)).toEqual(['whole'])
  })

  it('keeps runs another writer of this process is still storing', () => {
    const lab = open(newLab())
    const a = beginRun(lab.db, 'a', { seed: 1 })
    a.append(steps(1, 2))
    const b = beginRun(lab.db, 'b', { seed: 2 }, ['a'])
    a.finish(steps(3, 1), 3, summary)
    b.finish([], 0, summary)
    expect(listRuns(lab.db).map((r) => [r.id, r.stepCount])).toEqual([
      ['a', 3],
      ['b', 0],
    ])
  })
})

describe('lab format 6 (the batch marker)', () => {
  it('upgrades a version-5 file: its runs stay listed and whole, and later runs store in batches beside them', () => {
    const path = join(mkdtempSync(join(tmpdir(), 'pl-batches-')), 'v5.pacificlab')
    const db = openSqlite(path)
    db.pragma('journal_mode = WAL')
    migrate(db, LAB_MIGRATIONS, LAB_APPLICATION_ID, 5)
    db.prepare(
      "INSERT INTO runs (id, seed, faults, created, label, parent_run_id, step_count) VALUES ('old', 5, '[]', '2026-01-01T00:00:00Z', 'Run 1', NULL, 2)",
    ).run()
    const insert = db.prepare('INSERT INTO steps (run_id, seq, json) VALUES (?, ?, ?)')
    for (const step of steps(1, 2)) insert.run('old', step.seq, JSON.stringify(step))
    db.close()

    const lab = open(path)
    expect(userVersion(lab.db)).toBe(6)
    expect(LAB_MIGRATIONS).toHaveLength(6)
    expect(listRuns(lab.db)).toMatchObject([{ id: 'old', label: 'Run 1', stepCount: 2 }])
    expect(getSteps(lab.db, 'old')).toEqual(steps(1, 2))
    // A run begun on the upgraded file is not listed until whole; the old one is never taken
    // for the leftovers of a crash.
    const next = beginRun(lab.writable(), 'next', { seed: 6 })
    next.append(steps(1, 2))
    expect(listRuns(lab.db).map((r) => r.id)).toEqual(['old'])
    beginRun(lab.writable(), 'after', { seed: 7 }).finish(steps(1, 1), 1, summary)
    expect(listRuns(lab.db).map((r) => r.id)).toEqual(['old', 'after'])
    expect(getSteps(lab.db, 'old')).toEqual(steps(1, 2))
  })
})
