import { chmodSync, copyFileSync, existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'

import { afterEach, describe, expect, it } from 'vitest'

import { LabError } from '../../src/shared/contract/result'
import { addNodeBatch, deleteSubtreesBatch } from '../../src/shared/domain/commands'
import { loadDemoLab } from '../../src/node/demo-lab'
import { LabFile } from '../../src/node/persistence/lab-file'
import {
  getRunTopology,
  getSteps,
  listRuns,
  saveRun,
  saveCheckpoint,
  checkpointAtOrBefore,
} from '../../src/node/persistence/runs'
import { LAB_APPLICATION_ID, LAB_MIGRATIONS, migrate, userVersion } from '../../src/node/persistence/schema'
import { labFingerprint } from '../../src/shared/domain/lab-fingerprint'
import { openSqlite } from '../../src/node/persistence/sqlite'
import { plan } from '../../src/shared/engine/plan'
import { fakeStep } from '../fake-step'

const opened: LabFile[] = []
const tempDir = () => mkdtempSync(join(tmpdir(), 'pl-persist-'))
function create(path = join(tempDir(), 'lab.pacificlab')) {
  const lab = LabFile.create(path, loadDemoLab())
  opened.push(lab)
  return lab
}
function reopen(path: string) {
  const lab = LabFile.open(path)
  opened.push(lab)
  return lab
}
afterEach(() => {
  for (const lab of opened.splice(0)) lab.close()
})

describe('a lab file', () => {
  it('keeps edits, undo history, runs and view state across close and reopen', () => {
    const lab = create()
    const demo = lab.document.topology
    const del = deleteSubtreesBatch(demo, ['ns-1'])!
    const add = addNodeBatch('host', 'esxi-04', 'cl-1', { x: 680, y: 50 }, 'host-4')
    lab.applyEdits(del)
    lab.applyEdits(add)
    lab.undo()
    const view = { viewport: { x: 10, y: -20, zoom: 0.5 }, collapsed: ['cl-1'], selection: ['host-1'] }
    lab.setViewState(view)
    saveRun(
      lab.db,
      {
        id: 'run-1',
        seed: 42,
        faults: [{ kind: 'host-failure', target: 'host-1', atSeq: 2 }],
        label: 'first',
      },
      [fakeStep(0, 'start'), fakeStep(1, 'placed')],
    )
    const topology = lab.document.topology
    lab.close()

    const again = reopen(lab.path)
    expect(again.document.topology).toEqual(topology)
    expect(again.journal()).toEqual({ undoLabel: del.label, redoLabel: add.label })
    expect(again.viewState).toEqual(view)
    expect(listRuns(again.db)).toMatchObject([{ id: 'run-1', seed: 42, label: 'first', stepCount: 2 }])
    again.redo()
    expect(again.document.topology.nodes.some((n) => n.id === 'host-4')).toBe(true)
    again.undo()
    again.undo()
    expect(again.document.topology).toEqual(demo)
    again.close()
    expect(reopen(lab.path).document.topology).toEqual(demo)
  })

  it('keeps a new name and description', () => {
    const lab = create()
    lab.setMeta({ name: 'renamed', description: 'new words' })
    lab.close()
    expect(reopen(lab.path).document).toMatchObject({ name: 'renamed', description: 'new words' })
  })

  it('drops the redo branch when a new edit follows an undo', () => {
    const lab = create()
    lab.applyEdits(addNodeBatch('host', 'esxi-04', 'cl-1', { x: 680, y: 50 }, 'host-4'))
    lab.undo()
    lab.applyEdits(addNodeBatch('host', 'esxi-05', 'cl-1', { x: 900, y: 50 }, 'host-5'))
    expect(lab.journal()).toEqual({ undoLabel: 'Add esxi-05', redoLabel: null })
  })

  it('refuses a batch that does not fit and stores nothing of it', () => {
    const lab = create()
    const before = lab.document
    expect(() => lab.applyEdits(addNodeBatch('pod', 'web', 'nope', { x: 0, y: 0 }, 'pod-9'))).toThrow(
      /parent "nope"/,
    )
    lab.close()
    expect(reopen(lab.path).document).toEqual(before)
  })

  it('Save As copies everything into a lab that opens on its own', async () => {
    const lab = create()
    lab.applyEdits(addNodeBatch('host', 'esxi-04', 'cl-1', { x: 680, y: 50 }, 'host-4'))
    saveRun(lab.db, { id: 'r', seed: 1 }, [fakeStep(0)])
    const copyPath = join(tempDir(), 'copy.pacificlab')
    await lab.backupTo(copyPath)
    expect(existsSync(`${copyPath}-wal`)).toBe(false)
    const copy = reopen(copyPath)
    expect(copy.document).toEqual(lab.document)
    expect(copy.journal().undoLabel).toBe('Add esxi-04')
    expect(listRuns(copy.db).map((r) => r.id)).toEqual(['r'])
    await expect(lab.backupTo(copyPath)).rejects.toMatchObject({ code: 'exists' })
  })

  it('refuses to create over an existing file', () => {
    const lab = create()
    expect(() => LabFile.create(lab.path, loadDemoLab())).toThrow(/already exists/)
  })
})

describe('runs', () => {
  it('stores steps and reads them back by seq range', () => {
    const lab = create()
    const steps = Array.from({ length: 50 }, (_, seq) => fakeStep(seq))
    saveRun(lab.db, { id: 'a', seed: 7 }, steps)
    saveRun(lab.db, { id: 'b', seed: 7, parentId: 'a', label: 'branch' }, steps.slice(0, 5))
    expect(getSteps(lab.db, 'a', 10, 12)).toEqual([steps[10], steps[11], steps[12]])
    expect(getSteps(lab.db, 'a')).toHaveLength(50)
    expect(listRuns(lab.db).map((r) => [r.id, r.parentId])).toEqual([
      ['a', null],
      ['b', 'a'],
    ])
    saveCheckpoint(lab.db, 'a', 20, { hosts: 3 })
    expect(checkpointAtOrBefore(lab.db, 'a', 25)).toEqual({ seq: 20, state: { hosts: 3 } })
    expect(checkpointAtOrBefore(lab.db, 'a', 19)).toBeNull()
  })

  it('stores a run whole or not at all', () => {
    const lab = create()
    expect(() => saveRun(lab.db, { id: 'bad', seed: 1 }, [fakeStep(0), fakeStep(1), fakeStep(1)])).toThrow(
      /seq 1 is used by two steps/,
    )
    expect(listRuns(lab.db)).toEqual([])
    expect(() => getSteps(lab.db, 'bad')).toThrow(/no run with id "bad"/)
  })
})

describe('migrations', () => {
  it('upgrades a version-1 file to the newest, keeping its content', () => {
    const path = join(tempDir(), 'v1.pacificlab')
    const db = openSqlite(path)
    db.pragma('journal_mode = WAL')
    migrate(db, LAB_MIGRATIONS, LAB_APPLICATION_ID, 1)
    db.prepare("INSERT INTO meta (key, value) VALUES ('name', 'old lab')").run()
    db.prepare(
      "INSERT INTO nodes (id, kind, name, parent_id, x, y, spec) VALUES ('vc-1', 'vcenter', 'vc', NULL, 1, 2, '{}')",
    ).run()
    expect(userVersion(db)).toBe(1)
    db.close()

    const lab = reopen(path)
    expect(userVersion(lab.db)).toBe(LAB_MIGRATIONS.length)
    expect(lab.document.name).toBe('old lab')
    expect(lab.document.topology.nodes).toMatchObject([{ id: 'vc-1', position: { x: 1, y: 2 } }])
    // Version 2 added the view state: it works on the upgraded file.
    lab.setViewState({ viewport: { x: 1, y: 1, zoom: 2 }, collapsed: [], selection: [] })
    lab.close()
    expect(reopen(path).viewState.viewport.zoom).toBe(2)
  })

  it('upgrades a version-2 file with a run: it still lists and replays, and new runs keep summary and topology', () => {
    const path = join(tempDir(), 'v2.pacificlab')
    const db = openSqlite(path)
    db.pragma('journal_mode = WAL')
    migrate(db, LAB_MIGRATIONS, LAB_APPLICATION_ID, 2)
    db.prepare("INSERT INTO meta (key, value) VALUES ('name', 'old lab')").run()
    db.prepare(
      "INSERT INTO runs (id, seed, faults, created, label, parent_run_id, step_count) VALUES ('old', 5, '[]', '2026-01-01T00:00:00Z', 'Run 1', NULL, 1)",
    ).run()
    db.prepare('INSERT INTO steps (run_id, seq, json) VALUES (?, 1, ?)').run('old', '{"seq":1,"text":"x"}')
    db.close()

    const lab = reopen(path)
    expect(userVersion(lab.db)).toBe(LAB_MIGRATIONS.length)
    expect(lab.notice).toContain(
      `older Pacific Lab (format version 2); it is upgraded to version ${LAB_MIGRATIONS.length} when you first change it`,
    )
    expect(listRuns(lab.db)).toMatchObject([
      { id: 'old', label: 'Run 1', parentId: null, stepCount: 1, summary: { seed: 5, steps: 1 } },
    ])
    expect(getSteps(lab.db, 'old')).toEqual([{ seq: 1, text: 'x' }])
    expect(getRunTopology(lab.db, 'old')).toBeNull()
    const summary = { seed: 6, steps: 1, durationMs: 40, statuses: { Running: 1 }, problems: [], faults: [] }
    const topology = lab.document.topology
    saveRun(lab.writable(), { id: 'new', seed: 6, summary, topology }, [fakeStep(1)])
    expect(lab.notice).toBeNull()
    lab.close()
    const again = reopen(path)
    expect(listRuns(again.db)[1]).toMatchObject({ id: 'new', summary })
    expect(getRunTopology(again.db, 'new')).toEqual(topology)
    // The lab a run was planned from is fingerprinted, to tell a stale run; the old run cannot tell.
    expect(listRuns(again.db)[1]?.labHash).toBe(labFingerprint(topology))
    expect(listRuns(again.db)[0]).not.toHaveProperty('labHash')
  })

  it('upgrades a version-4 file: its steps, whole JSON objects, read back beside compact new ones', () => {
    const path = join(tempDir(), 'v4.pacificlab')
    const db = openSqlite(path)
    db.pragma('journal_mode = WAL')
    migrate(db, LAB_MIGRATIONS, LAB_APPLICATION_ID, 4)
    db.prepare(
      "INSERT INTO runs (id, seed, faults, created, label, parent_run_id, step_count) VALUES ('old', 5, '[]', '2026-01-01T00:00:00Z', 'Run 1', NULL, 1)",
    ).run()
    const old = { seq: 1, t: 0, duration: 40, text: 'x', effects: [], placement: { ask: { hosts: ['h'] } } }
    db.prepare('INSERT INTO steps (run_id, seq, json) VALUES (?, 1, ?)').run('old', JSON.stringify(old))
    db.close()

    const lab = reopen(path)
    expect(userVersion(lab.db)).toBe(LAB_MIGRATIONS.length)
    expect(getSteps(lab.db, 'old')).toEqual([old])
    const run = plan(lab.document.topology, undefined, 1)
    saveRun(lab.writable(), { id: 'new', seed: 1 }, run.steps)
    lab.close()
    const again = reopen(path)
    expect(getSteps(again.db, 'old')).toEqual([old])
    expect(JSON.stringify(getSteps(again.db, 'new'))).toBe(JSON.stringify(run.steps))
  })

  it('applies each migration in its own transaction and is idempotent', () => {
    const db = openSqlite(join(tempDir(), 'm.sqlite'))
    expect(migrate(db, LAB_MIGRATIONS, LAB_APPLICATION_ID)).toEqual(LAB_MIGRATIONS.map((_, i) => i + 1))
    expect(migrate(db, LAB_MIGRATIONS, LAB_APPLICATION_ID)).toEqual([])
    db.close()
  })

  it('rolls a failing migration back whole', () => {
    const db = openSqlite(join(tempDir(), 'f.sqlite'))
    const broken = [LAB_MIGRATIONS[0]!, 'CREATE TABLE half (x); CREATE TABLE oops (']
    expect(() => migrate(db, broken, LAB_APPLICATION_ID)).toThrow()
    expect(userVersion(db)).toBe(1)
    expect(db.prepare("SELECT count(*) FROM sqlite_master WHERE name = 'half'").pluck().get()).toBe(0)
    db.close()
  })
})

describe('opening a bad file', () => {
  /** Opens `path`, expects a LabError with `code` naming the file, and checks the bytes did not change. */
  function expectRefused(path: string, code: string, message: RegExp) {
    const before = existsSync(path) ? readFileSync(path) : null
    let error: unknown
    try {
      opened.push(LabFile.open(path))
    } catch (e) {
      error = e
    }
    expect(error).toBeInstanceOf(LabError)
    expect(error).toMatchObject({ code })
    expect((error as Error).message).toContain(path)
    expect((error as Error).message).toMatch(message)
    if (before) expect(readFileSync(path).equals(before)).toBe(true)
    expect(existsSync(`${path}-wal`)).toBe(false)
  }

  it('names a missing file', () => {
    expectRefused(join(tempDir(), 'gone.pacificlab'), 'not-found', /does not exist/)
  })

  it('refuses a file that is not SQLite', () => {
    const path = join(tempDir(), 'notes.pacificlab')
    writeFileSync(path, 'these are my notes, not a lab\n'.repeat(200))
    expectRefused(path, 'not-a-lab', /not a Pacific Lab file/)
  })

  it('refuses an empty file', () => {
    const path = join(tempDir(), 'empty.pacificlab')
    writeFileSync(path, '')
    expectRefused(path, 'not-a-lab', /empty/)
  })

  it('refuses a SQLite database of another application', () => {
    const path = join(tempDir(), 'other.pacificlab')
    const db = openSqlite(path)
    db.exec('CREATE TABLE t (x); INSERT INTO t VALUES (1)')
    db.close()
    expectRefused(path, 'not-a-lab', /application_id 0/)
  })

  it('refuses a lab from a newer version', () => {
    const lab = create()
    lab.db.pragma(`user_version = ${LAB_MIGRATIONS.length + 1}`)
    lab.close()
    expectRefused(lab.path, 'newer-version', /newer Pacific Lab/)
  })

  it('refuses a damaged lab', () => {
    const lab = create()
    for (let i = 0; i < 200; i++)
      lab.applyEdits(addNodeBatch('host', `h${i}`, 'cl-1', { x: i, y: 0 }, `h-${i}`))
    lab.close()
    const bytes = readFileSync(lab.path)
    // Scribble over every page after the first: the header still says "lab", the content is garbage.
    for (let i = 4096; i < bytes.length; i += 7) bytes[i] = (bytes[i]! + 91) & 0xff
    writeFileSync(lab.path, bytes)
    expectRefused(lab.path, 'bad-file', /damaged|malformed|not a database/)
  })

  it('opens a read-only file read-only with a notice and leaves it unchanged', () => {
    const lab = create()
    lab.close()
    chmodSync(lab.path, 0o444)
    const before = readFileSync(lab.path)
    const ro = reopen(lab.path)
    expect(ro.readOnly).toBe(true)
    expect(ro.notice).toMatch(/read-only/)
    expect(() => ro.applyEdits(addNodeBatch('host', 'x', 'cl-1', { x: 0, y: 0 }, 'x-1'))).toThrow(/read-only/)
    expect(ro.document.name).toBe(loadDemoLab().name)
    ro.close()
    expect(readFileSync(lab.path).equals(before)).toBe(true)
  })

  it('leaves a copy of a good lab byte-identical when only probing fails elsewhere', () => {
    const lab = create()
    lab.close()
    const copy = join(tempDir(), 'copy.pacificlab')
    copyFileSync(lab.path, copy)
    expect(reopen(copy).document).toEqual(loadDemoLab())
  })
})
