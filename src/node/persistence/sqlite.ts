import Database from 'better-sqlite3'

/** A better-sqlite3 connection; re-exported so callers need not import the package themselves. */
export type Db = Database.Database

/**
 * Opens a SQLite connection. Electron needs its own build of better-sqlite3 (another ABI), kept
 * beside the Node build; scripts/start.mjs and scripts/test.mjs name it in
 * PACIFIC_LAB_SQLITE_BINDING, so the same code runs under Node and Electron.
 */
export function openSqlite(path: string, options: { readonly?: boolean; fileMustExist?: boolean } = {}): Db {
  const nativeBinding = process.env['PACIFIC_LAB_SQLITE_BINDING']
  return new Database(path, {
    readonly: options.readonly ?? false,
    fileMustExist: options.fileMustExist ?? false,
    ...(nativeBinding ? { nativeBinding } : {}),
  })
}

/**
 * Opens an in-memory database from a file's bytes (`Database#serialize`), for reading a lab
 * without touching its file. An image of a WAL database does not open in memory, so its header
 * is set to the rollback journal first (bytes 18 and 19, the file format versions).
 */
export function openSqliteImage(image: Buffer): Db {
  const nativeBinding = process.env['PACIFIC_LAB_SQLITE_BINDING']
  const bytes = Buffer.from(image)
  if (bytes.length > 19) {
    bytes[18] = 1
    bytes[19] = 1
  }
  return new Database(bytes, nativeBinding ? { nativeBinding } : {})
}

/** Runs `fn` in one IMMEDIATE transaction (takes the write lock up front, so no upgrade deadlock). */
export function inTransaction<T>(db: Db, fn: () => T): T {
  return db.transaction(fn).immediate()
}
