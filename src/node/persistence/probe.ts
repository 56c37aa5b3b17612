import { accessSync, constants, existsSync, rmSync, statSync } from 'node:fs'

import { LabError } from '../../shared/contract/result'
import { applicationId, LAB_APPLICATION_ID, LAB_MIGRATIONS, userVersion } from './schema'
import { openSqlite } from './sqlite'

/** What a probe learned about a lab file before anything is written to it. */
export interface ProbeResult {
  version: number
  /** True when we may not write the file (no write permission or no write bits). */
  readOnly: boolean
  /** The whole database as bytes (with its WAL folded in), when `imageIf` asked for it: to read it in memory. */
  image?: Buffer
}

/**
 * Checks that `path` is a lab this version can open, touching nothing: the file is opened
 * read-only, so a bad file's bytes stay exactly as they were. Throws LabError with code
 * `not-found`, `bad-file`, `not-a-lab` or `newer-version`, naming the file and the cause.
 */
export function probeLabFile(
  path: string,
  options: { imageIf?: (probe: ProbeResult) => boolean } = {},
): ProbeResult {
  let size: number
  try {
    const stat = statSync(path)
    if (!stat.isFile()) throw new LabError('bad-file', `${path} is not a file (it is a folder or a device).`)
    size = stat.size
    accessSync(path, constants.R_OK)
  } catch (e) {
    if (e instanceof LabError) throw e
    throw fileError(path, e)
  }
  // An empty file is a valid empty SQLite database to SQLite, but it is not a lab.
  if (size === 0) throw new LabError('not-a-lab', `${path} is empty, so it is not a Pacific Lab file.`)
  const sideFiles = [`${path}-wal`, `${path}-shm`]
  const hadSideFiles = sideFiles.map((f) => existsSync(f))
  let db
  try {
    db = openSqlite(path, { readonly: true, fileMustExist: true })
  } catch (e) {
    throw new LabError('bad-file', `${path} cannot be opened: ${describe(e)}.`)
  }
  try {
    let appId: number
    let version: number
    try {
      appId = applicationId(db)
      version = userVersion(db)
    } catch (e) {
      throw new LabError('not-a-lab', `${path} is not a Pacific Lab file (${describe(e)}).`)
    }
    if (appId !== LAB_APPLICATION_ID)
      throw new LabError(
        'not-a-lab',
        `${path} is a SQLite database but not a Pacific Lab file (application_id ${appId}, expected ${LAB_APPLICATION_ID}).`,
      )
    if (version > LAB_MIGRATIONS.length)
      throw new LabError(
        'newer-version',
        `${path} was written by a newer Pacific Lab (format version ${version}; this version reads up to ${LAB_MIGRATIONS.length}). Update Pacific Lab to open it.`,
      )
    let check: string[]
    try {
      check = (db.pragma('quick_check') as { quick_check: string }[]).map((r) => r.quick_check)
    } catch (e) {
      throw new LabError('bad-file', `${path} is damaged: ${describe(e)}.`)
    }
    if (check.length !== 1 || check[0] !== 'ok')
      throw new LabError('bad-file', `${path} is damaged: ${check.slice(0, 3).join('; ')}.`)
    const probe: ProbeResult = { version, readOnly: !isWritable(path) }
    return options.imageIf?.(probe) ? { ...probe, image: db.serialize() } : probe
  } finally {
    db.close()
    // A read-only connection to a WAL lab creates an empty -wal and a -shm beside it and leaves
    // them; remove those we made (only when the log is empty, so nothing is lost).
    if (!hadSideFiles[0] && !hadSideFiles[1] && sizeOf(sideFiles[0]!) === 0)
      for (const f of sideFiles) rmSync(f, { force: true })
  }
}

const sizeOf = (path: string) => {
  try {
    return statSync(path).size
  } catch {
    return -1
  }
}

/** Write permission, and at least one write bit: root may write anything, but a user who made the file read-only meant it. */
export function isWritable(path: string): boolean {
  try {
    accessSync(path, constants.W_OK)
  } catch {
    return false
  }
  return (statSync(path).mode & 0o222) !== 0
}

/** A file system error as the user's problem with the file: missing, unreadable, a link loop. */
export function fileError(path: string, e: unknown): LabError {
  const code = (e as NodeJS.ErrnoException | null)?.code
  if (code === 'ENOENT' || code === 'ENOTDIR') return new LabError('not-found', `${path} does not exist.`)
  if (code === 'ELOOP')
    return new LabError('bad-path', `${path} is a symbolic link that leads back to itself (a link loop).`)
  if (code === 'EACCES' || code === 'EPERM')
    return new LabError('unreadable', `${path} cannot be read: permission denied.`)
  if (code === 'ENAMETOOLONG') return new LabError('bad-path', `${path} is too long a path for this system.`)
  return new LabError('unreadable', `${path} cannot be read: ${describe(e)}.`)
}

const describe = (e: unknown) => (e instanceof Error ? e.message : String(e))
