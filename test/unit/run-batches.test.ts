import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'

import { afterEach, describe, expect, it } from 'vitest'

import { loadDemoLab } from '../../src/node/demo-lab'
import { LabFile } from '../../src/node/persistence/lab-file'
import { beginRun } from '../../src/node/persistence/run-batches'
import { getSteps, listRuns } from '../../src/node/persistence/runs'
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
