import { basename } from 'node:path'

import { LabError } from '../../shared/contract/result'
import { probeLabFile } from './probe'
import { LAB_APPLICATION_ID, LAB_MIGRATIONS, migrate } from './schema'
import { openSqlite, openSqliteImage, type Db } from './sqlite'

/** How a lab was opened: the database to read, whether it may change, and what to tell the user. */
export interface OpenedLab {
  db: Db
  readOnly: boolean
  notice: string | null
  /** For an older lab opened for editing: upgrades the file and returns its writable connection. */
  upgrade?: () => Db
}

/** WAL for crash safety with concurrent readers; foreign keys are off by default in SQLite. */
export function configure(db: Db) {
  db.pragma('journal_mode = WAL')
  db.pragma('foreign_keys = ON')
  db.pragma('synchronous = FULL')
}

/**
 * Brings a lab's database to the newest format. A migration that fails on a file that passed
 * the probe (say a hand-made file whose tables exist without a version) is the file's fault:
 * `bad-file` naming it, never `internal`.
 */
function upgrade(db: Db, path: string) {
  try {
    migrate(db, LAB_MIGRATIONS, LAB_APPLICATION_ID)
  } catch (e) {
    throw new LabError(
      'bad-file',
      `${path} cannot be brought to lab format version ${LAB_MIGRATIONS.length}: ${e instanceof Error ? e.message : String(e)}.`,
    )
  }
}

/** The lab's bytes in memory, migrated there: reading it never writes to the file or beside it. */
function inMemory(path: string, image: Buffer): Db {
  const db = openSqliteImage(image)
  try {
    upgrade(db, path)
    return db
  } catch (e) {
    db.close()
    throw e
  }
}

function openForWriting(path: string): Db {
  const db = openSqlite(path, { fileMustExist: true })
  try {
    configure(db)
    upgrade(db, path)
    return db
  } catch (e) {
    db.close()
    throw e
  }
}

/** Opens a lab (see LabFile.open): read-only and older labs in memory, current writable labs in place. */
export function openLab(path: string, readOnly: boolean): OpenedLab {
  const probe = probeLabFile(path, {
    imageIf: (p) => readOnly || p.readOnly || p.version < LAB_MIGRATIONS.length,
  })
  const name = basename(path)
  const older = probe.version < LAB_MIGRATIONS.length
  if (readOnly || probe.readOnly) {
    const notice = !probe.readOnly
      ? null
      : older
        ? `${name} is read-only and from an older Pacific Lab (format version ${probe.version}): it is shown as this version reads it, and the file stays as it is. You can look and run, but not edit.`
        : `${name} is read-only: you can look and run, but not edit; new runs are kept only until the lab closes.`
    return { db: inMemory(path, probe.image ?? Buffer.alloc(0)), readOnly: true, notice }
  }
  if (older)
    return {
      db: inMemory(path, probe.image ?? Buffer.alloc(0)),
      readOnly: false,
      notice: `${name} is from an older Pacific Lab (format version ${probe.version}); it is upgraded to version ${LAB_MIGRATIONS.length} when you first change it.`,
      upgrade: () => openForWriting(path),
    }
  return { db: openForWriting(path), readOnly: false, notice: null }
}
