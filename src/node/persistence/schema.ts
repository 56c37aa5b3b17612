import { inTransaction, type Db } from './sqlite'

/**
 * `PRAGMA application_id` of every lab file: the ASCII bytes "PcLb" (0x50634C62 = 1348684898).
 * `file(1)` and our own probe recognise a lab by it; a SQLite file without it is not a lab.
 */
export const LAB_APPLICATION_ID = 0x50634c62

/** `PRAGMA application_id` of the app's own settings database: "PcLs" (0x50634C73). */
export const SETTINGS_APPLICATION_ID = 0x50634c73

/**
 * Forward-only migrations of a lab file. Migration i (1-based) brings `user_version` from i-1
 * to i. Never edit a shipped migration: add a new one. Each runs in its own transaction
 * together with its `user_version` bump, so a crash leaves the file at one version or the next.
 */
export const LAB_MIGRATIONS: readonly string[] = [
  // 1: the lab itself: meta, topology as rows, edit journal, runs, steps, checkpoints.
  `
  CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL) STRICT;
  CREATE TABLE nodes (
    id TEXT PRIMARY KEY,
    kind TEXT NOT NULL,
    name TEXT NOT NULL,
    parent_id TEXT REFERENCES nodes(id) DEFERRABLE INITIALLY DEFERRED,
    x REAL NOT NULL,
    y REAL NOT NULL,
    spec TEXT NOT NULL
  ) STRICT;
  CREATE INDEX nodes_parent ON nodes(parent_id);
  CREATE TABLE links (
    id TEXT PRIMARY KEY,
    kind TEXT NOT NULL,
    source TEXT NOT NULL REFERENCES nodes(id) DEFERRABLE INITIALLY DEFERRED,
    target TEXT NOT NULL REFERENCES nodes(id) DEFERRABLE INITIALLY DEFERRED
  ) STRICT;
  CREATE TABLE journal (
    seq INTEGER PRIMARY KEY,
    label TEXT NOT NULL,
    batch TEXT NOT NULL,
    inverse TEXT NOT NULL,
    created TEXT NOT NULL
  ) STRICT;
  CREATE TABLE runs (
    id TEXT PRIMARY KEY,
    seed INTEGER NOT NULL,
    faults TEXT NOT NULL,
    created TEXT NOT NULL,
    label TEXT NOT NULL,
    parent_run_id TEXT REFERENCES runs(id) ON DELETE SET NULL,
    step_count INTEGER NOT NULL
  ) STRICT;
  CREATE TABLE steps (
    run_id TEXT NOT NULL REFERENCES runs(id) ON DELETE CASCADE,
    seq INTEGER NOT NULL,
    json TEXT NOT NULL,
    PRIMARY KEY (run_id, seq)
  ) STRICT, WITHOUT ROWID;
  CREATE TABLE checkpoints (
    run_id TEXT NOT NULL REFERENCES runs(id) ON DELETE CASCADE,
    seq INTEGER NOT NULL,
    state TEXT NOT NULL,
    PRIMARY KEY (run_id, seq)
  ) STRICT, WITHOUT ROWID;
  `,
  // 2: what the window looks like and per-lab settings, kept apart from the lab's content.
  `
  CREATE TABLE view_state (id INTEGER PRIMARY KEY CHECK (id = 1), json TEXT NOT NULL) STRICT;
  CREATE TABLE settings (key TEXT PRIMARY KEY, value TEXT NOT NULL) STRICT;
  `,
  // 3: what a run list shows (the summary) and the topology a run was planned from, which a
  // branch re-plans. Both JSON; null on runs stored before this version.
  `
  ALTER TABLE runs ADD COLUMN summary TEXT;
  ALTER TABLE runs ADD COLUMN topology TEXT;
  `,
  // 4: the fingerprint of the lab a run was planned from (shared/domain/lab-fingerprint.ts), to
  // tell a stale run. Null on older runs: worked out from their topology where they kept one,
  // else unknown, and the window says it cannot tell.
  `
  ALTER TABLE runs ADD COLUMN lab_hash TEXT;
  `,
  // 5: a step's text apart from the rest of it, written and read as it is (no JSON escaping),
  // and the host lists a run's placements share, written once per run (step-codec.ts). Both
  // null on steps and runs stored before this version, whose steps are whole JSON objects.
  `
  ALTER TABLE steps ADD COLUMN text TEXT;
  ALTER TABLE runs ADD COLUMN host_lists TEXT;
  `,
  // 6: runs stored in batches while they are planned: a run is whole (1) only once its last
  // batch is in; until then (0) no list or read shows it, and one left by a crash is dropped.
  `
  ALTER TABLE runs ADD COLUMN complete INTEGER NOT NULL DEFAULT 1;
  `,
]

/** Migrations of the app's settings database (recent labs). */
export const SETTINGS_MIGRATIONS: readonly string[] = [
  `
  CREATE TABLE recent_labs (path TEXT PRIMARY KEY, name TEXT NOT NULL, opened TEXT NOT NULL) STRICT;
  CREATE TABLE settings (key TEXT PRIMARY KEY, value TEXT NOT NULL) STRICT;
  `,
]

export const userVersion = (db: Db) => db.pragma('user_version', { simple: true }) as number
export const applicationId = (db: Db) => db.pragma('application_id', { simple: true }) as number

/**
 * Brings a writable database up to `upTo` (default: the newest), one transaction per
 * migration. Stamps `application_id` in the first one. Returns the versions it applied.
 */
export function migrate(
  db: Db,
  migrations: readonly string[],
  appId: number,
  upTo = migrations.length,
): number[] {
  const applied: number[] = []
  for (let version = userVersion(db) + 1; version <= upTo; version++) {
    const sql = migrations[version - 1]
    if (sql === undefined) throw new Error(`no migration to version ${version}`)
    inTransaction(db, () => {
      db.exec(sql)
      if (version === 1) db.pragma(`application_id = ${appId}`)
      db.pragma(`user_version = ${version}`)
    })
    applied.push(version)
  }
  return applied
}
