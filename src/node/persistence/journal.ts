import { checkBatch } from '../../shared/domain/edit-check'
import { EditBatch, EditError, invertBatch } from '../../shared/domain/edits'
import type { Topology } from '../../shared/domain/topology'
import { LabError } from '../../shared/contract/result'
import { inTransaction, type Db } from './sqlite'
import { writeTouched } from './topology-rows'

/**
 * The edit journal: every applied batch with its inverse, in order, and a head pointer (meta
 * `journal_head`, the seq of the last applied batch; 0 when none). Undo applies the head's
 * inverse and moves the head back; redo applies the next batch and moves it forward; a new
 * edit drops everything after the head. Topology rows, journal and head change in one
 * transaction, so undo and redo survive a restart and a crash.
 */

interface JournalRow {
  seq: number
  label: string
  batch: string
  inverse: string
}

export function journalHead(db: Db): number {
  const row = db.prepare("SELECT value FROM meta WHERE key = 'journal_head'").get() as
    { value: string } | undefined
  return row ? Number(row.value) : 0
}

const setHead = (db: Db, seq: number) =>
  db
    .prepare(
      "INSERT INTO meta (key, value) VALUES ('journal_head', ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value",
    )
    .run(String(seq))

/** A stored batch, read back through its schema: a tampered history is the file's fault, not a bug. */
function storedBatch(row: JournalRow, column: 'batch' | 'inverse'): EditBatch {
  let parsed
  try {
    parsed = EditBatch.safeParse(JSON.parse(row[column]))
  } catch {
    parsed = null
  }
  if (!parsed?.success)
    throw new LabError(
      'bad-file',
      `The undo history of this lab is damaged at entry ${row.seq} ("${row.label}").`,
    )
  return parsed.data
}

const rowAt = (db: Db, seq: number) =>
  db.prepare('SELECT * FROM journal WHERE seq = ?').get(seq) as JournalRow | undefined
const rowAfter = (db: Db, seq: number) =>
  db.prepare('SELECT * FROM journal WHERE seq > ? ORDER BY seq LIMIT 1').get(seq) as JournalRow | undefined
const seqBefore = (db: Db, seq: number) =>
  (db.prepare('SELECT max(seq) AS seq FROM journal WHERE seq < ?').get(seq) as { seq: number | null }).seq ??
  0

/** Labels of what undo and redo would do now. */
export function journalLabels(db: Db): { undoLabel: string | null; redoLabel: string | null } {
  const head = journalHead(db)
  return { undoLabel: rowAt(db, head)?.label ?? null, redoLabel: rowAfter(db, head)?.label ?? null }
}

/**
 * The batch as it will be stored and the topology after it, through the domain's edit check
 * (checkBatch): nothing reaches the file that would not reopen, and undo restores only what was.
 */
function checkOrRefuse(topology: Topology, batch: EditBatch): { batch: EditBatch; after: Topology } {
  try {
    return checkBatch(topology, batch)
  } catch (e) {
    if (e instanceof EditError) throw new LabError(e.code, e.message)
    throw e
  }
}

/** Applies a new batch: one transaction; returns the new topology. Refused whole if it does not fit. */
export function commitEdit(db: Db, topology: Topology, proposed: EditBatch): Topology {
  const { batch, after } = checkOrRefuse(topology, proposed)
  inTransaction(db, () => {
    writeTouched(db, batch, after)
    const head = journalHead(db)
    db.prepare('DELETE FROM journal WHERE seq > ?').run(head)
    const { lastInsertRowid } = db
      .prepare('INSERT INTO journal (label, batch, inverse, created) VALUES (?, ?, ?, ?)')
      .run(batch.label, JSON.stringify(batch), JSON.stringify(invertBatch(batch)), new Date().toISOString())
    setHead(db, Number(lastInsertRowid))
  })
  return after
}

/** Reverts the batch at the head; throws `nothing-to-undo` when there is none. */
export function undoEdit(db: Db, topology: Topology): Topology {
  const head = journalHead(db)
  const row = rowAt(db, head)
  if (!row) throw new LabError('nothing-to-undo', 'There is nothing to undo.')
  const { batch: inverse, after } = checkOrRefuse(topology, storedBatch(row, 'inverse'))
  inTransaction(db, () => {
    writeTouched(db, inverse, after)
    setHead(db, seqBefore(db, head))
  })
  return after
}

/** Reapplies the batch after the head; throws `nothing-to-redo` when there is none. */
export function redoEdit(db: Db, topology: Topology): Topology {
  const row = rowAfter(db, journalHead(db))
  if (!row) throw new LabError('nothing-to-redo', 'There is nothing to redo.')
  const { batch, after } = checkOrRefuse(topology, storedBatch(row, 'batch'))
  inTransaction(db, () => {
    writeTouched(db, batch, after)
    setHead(db, row.seq)
  })
  return after
}
