import { existsSync, renameSync, rmSync } from 'node:fs'
import { basename, dirname, join } from 'node:path'

import type { ViewState } from '../../shared/contract/contract'
import { LabError } from '../../shared/contract/result'
import type { EditBatch } from '../../shared/domain/edits'
import { parseLabDocument, type LabDocument } from '../../shared/domain/lab-document'
import { packageVersion } from '../paths'
import { commitEdit, journalLabels, redoEdit, undoEdit } from './journal'
import { configure, openLab, type OpenedLab } from './lab-open'
import { LAB_APPLICATION_ID, LAB_MIGRATIONS, migrate } from './schema'
import { inTransaction, openSqlite, type Db } from './sqlite'
import { readTopology, writeTopology } from './topology-rows'
import { readViewState, writeViewState } from './view-state'

/** The file extension of a lab. */
export const LAB_EXTENSION = '.pacificlab'

/**
 * One open lab file. The file is the truth: every change is one transaction, so there is
 * nothing to save. The document is also kept in memory so reads cost nothing.
 */
export class LabFile {
  private doc: LabDocument
  private view: ViewState
  private connection: Db
  private pendingUpgrade: (() => Db) | null
  private why: string | null

  private constructor(
    readonly path: string,
    opened: OpenedLab,
  ) {
    this.connection = opened.db
    this.readOnly = opened.readOnly
    this.why = opened.notice
    this.pendingUpgrade = opened.upgrade ?? null
    this.doc = readDocument(this.connection, path)
    this.view = readViewState(this.connection)
  }

  readonly readOnly: boolean

  /** The database: the file, or an in-memory copy of it when read-only or not yet upgraded. */
  get db(): Db {
    return this.connection
  }

  /** Why the lab opened the way it did (read-only, older format), for the user; null when nothing to say. */
  get notice(): string | null {
    return this.why
  }

  /**
   * Opens an existing lab after probing it (see probeLabFile). Reading never writes: a lab opened
   * `readOnly` (CLI reads), a file without write permission and a lab of an older format version
   * are read from an in-memory copy (migrated there), so the file's bytes, its `user_version` and
   * its folder stay as they were. An older lab opened for editing is upgraded on its first change.
   */
  static open(path: string, options: { readOnly?: boolean } = {}): LabFile {
    return new LabFile(path, openLab(path, options.readOnly ?? false))
  }

  /**
   * Writes a new lab file holding `doc` and opens it. The file is built under a temporary name
   * and renamed into place, so a crash never leaves a half-made lab at `path`.
   */
  static create(path: string, doc: LabDocument, options: { overwrite?: boolean } = {}): LabFile {
    assertCanWrite(path, options.overwrite ?? false)
    const temp = tempPathFor(path)
    writingTo(path, () => {
      const db = openSqlite(temp)
      try {
        configure(db)
        migrate(db, LAB_MIGRATIONS, LAB_APPLICATION_ID)
        inTransaction(db, () => {
          const meta = db.prepare('INSERT INTO meta (key, value) VALUES (?, ?)')
          meta.run('name', doc.name)
          meta.run('description', doc.description)
          meta.run('created', new Date().toISOString())
          meta.run('created_by', `Pacific Lab ${packageVersion()}`)
          writeTopology(db, doc.topology)
        })
      } finally {
        db.close()
      }
      replaceFile(temp, path)
    })
    return LabFile.open(path)
  }

  get document(): LabDocument {
    return this.doc
  }

  get viewState(): ViewState {
    return this.view
  }

  /** Labels of what undo and redo would do now (from the stored journal). */
  journal() {
    return journalLabels(this.db)
  }

  applyEdits(batch: EditBatch) {
    this.writable()
    this.doc = { ...this.doc, topology: commitEdit(this.db, this.doc.topology, batch) }
  }

  undo() {
    this.writable()
    this.doc = { ...this.doc, topology: undoEdit(this.db, this.doc.topology) }
  }

  redo() {
    this.writable()
    this.doc = { ...this.doc, topology: redoEdit(this.db, this.doc.topology) }
  }

  /** Renames the lab or changes its description: one transaction. */
  setMeta(meta: { name?: string; description?: string }) {
    const db = this.writable()
    if (meta.name !== undefined && meta.name.trim() === '')
      throw new LabError('invalid-input', 'A lab needs a name; the new name is empty.')
    inTransaction(db, () => {
      const set = db.prepare(
        'INSERT INTO meta (key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value',
      )
      if (meta.name !== undefined) set.run('name', meta.name)
      if (meta.description !== undefined) set.run('description', meta.description)
    })
    this.doc = { ...this.doc, ...meta }
  }

  /** Stores the view (upgrading an older lab, like any change); on a read-only lab it is kept for this session only. */
  setViewState(view: ViewState) {
    this.view = view
    if (!this.readOnly) writeViewState(this.writable(), view)
  }

  /**
   * The writable database, for edits, runs and settings; throws `read-only` on a read-only lab.
   * An older lab is upgraded in its file here, at its first change, and read again from it.
   */
  writable(): Db {
    if (this.readOnly) throw new LabError('read-only', `${this.path} is open read-only.`)
    if (this.pendingUpgrade) {
      const file = this.pendingUpgrade()
      this.connection.close()
      this.connection = file
      this.pendingUpgrade = null
      this.why = null
      this.doc = readDocument(file, this.path)
    }
    return this.connection
  }

  /**
   * Save As: copies the whole lab (history, runs, view) with SQLite's online backup API into a
   * temporary file beside `path`, then renames it into place. The copy is a complete lab.
   */
  async backupTo(path: string, options: { overwrite?: boolean } = {}): Promise<void> {
    assertCanWrite(path, options.overwrite ?? false)
    const temp = tempPathFor(path)
    try {
      await this.db.backup(temp)
    } catch (e) {
      removeWithLog(temp)
      throw unwritable(path, e)
    }
    writingTo(path, () => {
      // The copy keeps WAL mode from the header; fold its log in so it is one self-contained file.
      const copy = openSqlite(temp, { fileMustExist: true })
      copy.pragma('wal_checkpoint(TRUNCATE)')
      copy.close()
      replaceFile(temp, path)
    })
  }

  close() {
    if (this.db.open) this.db.close()
  }
}

function readDocument(db: Db, path: string): LabDocument {
  try {
    const meta = new Map(
      (db.prepare('SELECT key, value FROM meta').all() as { key: string; value: string }[]).map((r) => [
        r.key,
        r.value,
      ]),
    )
    return parseLabDocument(
      {
        name: meta.get('name') ?? basename(path),
        description: meta.get('description') ?? '',
        topology: readTopology(db),
      },
      path,
      'keep',
    )
  } catch (e) {
    throw new LabError('bad-file', `${path} holds a lab that does not make sense: ${(e as Error).message}`)
  }
}

function assertCanWrite(path: string, overwrite: boolean) {
  if (!existsSync(dirname(path)))
    throw new LabError('not-found', `Cannot write ${path}: the folder ${dirname(path)} does not exist.`)
  if (!overwrite && existsSync(path))
    throw new LabError('exists', `${path} already exists; choose another name or allow overwriting.`)
}

/** A write that failed for a reason of the place (no such folder, no permission, a read-only disk): the user's to fix. */
function unwritable(path: string, e: unknown): LabError {
  if (e instanceof LabError) return e
  return new LabError('unwritable', `Cannot write ${path}: ${e instanceof Error ? e.message : String(e)}.`)
}

/** Builds a file through its temporary twin beside `path`; the twin is always removed. */
function writingTo(path: string, build: () => void) {
  try {
    build()
  } catch (e) {
    throw unwritable(path, e)
  } finally {
    removeWithLog(tempPathFor(path))
  }
}

const tempPathFor = (path: string) => join(dirname(path), `.${basename(path)}.${process.pid}.tmp`)

/** Removes a temporary file and its log; a place where nothing could be made has nothing to remove. */
const removeWithLog = (path: string) => {
  for (const suffix of ['', '-wal', '-shm'])
    try {
      rmSync(path + suffix, { force: true })
    } catch {
      // ENOTDIR, EACCES: the file was never made there.
    }
}

/** Renames `temp` over `path`, first dropping a stale -wal/-shm of the old file, which would otherwise be read as the new file's log. */
function replaceFile(temp: string, path: string) {
  rmSync(`${path}-wal`, { force: true })
  rmSync(`${path}-shm`, { force: true })
  renameSync(temp, path)
}
