import { opendirSync, statSync, type Dir, type Stats } from 'node:fs'
import { homedir } from 'node:os'
import { dirname, join, resolve } from 'node:path'

import type { Output } from '../shared/contract/contract'
import { LabError } from '../shared/contract/result'
import { LAB_EXTENSION } from './persistence/lab-file'

/** Entries one listing returns at most; a folder with more says so (`truncated`). */
export const FOLDER_LIST_LIMIT = 2_000
/** Directory entries read at most per listing, so a folder of a million files is not read whole. */
export const FOLDER_SCAN_LIMIT = 20_000

type Listing = Output<'listFolder'>
type Entry = Listing['entries'][number]

export interface FolderContext {
  /** The data folder: where a listing starts, and what a relative path is taken from. */
  dataDir: string
  /** The open lab's file, whose folder is offered as a place. */
  labPath: string | null
}

const byName = new Intl.Collator('en', { numeric: true, sensitivity: 'base' })

/**
 * One folder for the file browser: its sub-folders and lab files, nothing else (no other file
 * names, no sizes, no contents). A link is listed under its own path when it leads to a folder or
 * a lab; it is followed only when the user lists it, as any folder. docs/security.md says why
 * the local page may ask this.
 */
export function listFolder(asked: string | undefined, context: FolderContext): Listing {
  if (asked?.includes('\0')) throw new LabError('bad-path', `The folder "${asked}" contains a NUL character.`)
  const path = resolve(context.dataDir, asked ?? '.')
  const stats = statOrThrow(path)
  if (!stats.isDirectory()) throw new LabError('bad-path', `${path} is a file, not a folder.`)
  const { entries, truncated } = readEntries(path)
  const parent = dirname(path)
  return {
    path,
    parent: parent === path ? null : parent,
    entries,
    truncated,
    places: places(context),
  }
}

function statOrThrow(path: string): Stats {
  try {
    return statSync(path)
  } catch (e) {
    throw folderError(path, e)
  }
}

function folderError(path: string, e: unknown): LabError {
  const code = (e as { code?: unknown }).code
  if (code === 'ENOENT') return new LabError('not-found', `The folder ${path} does not exist.`)
  if (code === 'ENOTDIR') return new LabError('bad-path', `${path} is not a folder (a part of it is a file).`)
  if (code === 'EACCES' || code === 'EPERM')
    return new LabError('unreadable', `The folder ${path} cannot be read: permission denied.`)
  if (code === 'ELOOP') return new LabError('bad-path', `${path} is a link that leads back to itself.`)
  return new LabError('unreadable', `The folder ${path} cannot be read (${String(code ?? e)}).`)
}

function readEntries(folder: string): { entries: Entry[]; truncated: boolean } {
  let dir: Dir
  try {
    dir = opendirSync(folder)
  } catch (e) {
    throw folderError(folder, e)
  }
  const entries: Entry[] = []
  let scanned = 0
  try {
    for (let dirent = dir.readSync(); dirent !== null; dirent = dir.readSync()) {
      if (++scanned > FOLDER_SCAN_LIMIT) break
      if (dirent.name.startsWith('.')) continue
      const path = join(folder, dirent.name)
      const kind = dirent.isSymbolicLink() ? linkKind(path, dirent.name) : kindOf(dirent, dirent.name)
      if (kind) entries.push({ name: dirent.name, path, kind })
    }
  } catch (e) {
    throw folderError(folder, e)
  } finally {
    dir.closeSync()
  }
  entries.sort((a, b) => (a.kind === b.kind ? byName.compare(a.name, b.name) : a.kind === 'folder' ? -1 : 1))
  return {
    entries: entries.slice(0, FOLDER_LIST_LIMIT),
    truncated: scanned > FOLDER_SCAN_LIMIT || entries.length > FOLDER_LIST_LIMIT,
  }
}

function kindOf(entry: { isDirectory(): boolean; isFile(): boolean }, name: string): Entry['kind'] | null {
  if (entry.isDirectory()) return 'folder'
  if (entry.isFile() && name.endsWith(LAB_EXTENSION)) return 'lab'
  return null
}

/** What a link leads to, looked at once; a broken or unreadable link is not listed. */
function linkKind(path: string, name: string): Entry['kind'] | null {
  try {
    return kindOf(statSync(path), name)
  } catch {
    return null
  }
}

function places({ dataDir, labPath }: FolderContext): Listing['places'] {
  const all = [
    { name: 'Home', path: homedir() },
    { name: 'Pacific Lab data', path: dataDir },
    ...(labPath ? [{ name: "This lab's folder", path: dirname(labPath) }] : []),
  ]
  return all.filter((place, i) => all.findIndex((p) => p.path === place.path) === i)
}
