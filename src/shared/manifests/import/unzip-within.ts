import { strFromU8, Unzip, UnzipInflate, type UnzipFile } from 'fflate'

import { LabError } from '../../contract/result'
import type { ImportBudget } from './limits'
import type { ImportFile } from './parse-files'

/**
 * The manifests in a zip, read with fflate's streaming Unzip from `chunks` (pulled one at a time)
 * and charged to `budget` as they inflate: an archive with too many entries, or whose entries
 * inflate past a limit, is refused as soon as it passes it, having read at most that much.
 * Folder entries are counted but hold nothing. Entries are named
 * `archive.zip!path/in/zip`, so errors point into the archive.
 */
export function unzipWithin(name: string, chunks: Iterable<Uint8Array>, budget: ImportBudget): ImportFile[] {
  const out: ImportFile[] = []
  const state: { failure: Error | null } = { failure: null }
  const fail = (e: unknown, file?: UnzipFile) => {
    state.failure ??= e instanceof Error ? e : new Error(String(e))
    file?.terminate()
  }
  const unzip = new Unzip((file) => {
    const path = `${name}!${file.name}`
    try {
      budget.file(path)
    } catch (e) {
      return fail(e)
    }
    if (file.name.endsWith('/')) return
    const parts: Uint8Array[] = []
    let read = 0
    file.ondata = (error, data, final) => {
      if (state.failure !== null) return
      if (error) return fail(new LabError('bad-file', `${path} cannot be unpacked: ${error.message}.`), file)
      try {
        budget.read(path, read, data.length)
      } catch (e) {
        return fail(e, file)
      }
      read += data.length
      parts.push(data)
      if (final) out.push({ path, content: strFromU8(concat(parts, read)) })
    }
    try {
      file.start()
    } catch (e) {
      fail(
        new LabError(
          'bad-file',
          `${path} cannot be unpacked: ${e instanceof Error ? e.message : String(e)}.`,
        ),
      )
    }
  })
  unzip.register(UnzipInflate)
  const notAZip = (why: string) => new LabError('bad-file', `${name}: not a zip that can be read (${why})`)
  try {
    let previous: Uint8Array | null = null
    // One chunk behind, so the last push can say it is the last.
    for (const chunk of chunks) {
      if (previous === null && !startsLikeZip(chunk)) throw notAZip('it does not start as a zip does')
      if (previous) unzip.push(previous)
      if (state.failure !== null) throw state.failure
      previous = chunk
    }
    unzip.push(previous ?? new Uint8Array(0), true)
  } catch (e) {
    if (state.failure === null && !(e instanceof LabError))
      throw notAZip(e instanceof Error ? e.message : String(e))
    throw state.failure ?? e
  }
  if (state.failure !== null) throw state.failure
  return out.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0))
}

/** `PK\x03\x04` (a file entry) or `PK\x05\x06` (an empty archive). */
const startsLikeZip = (chunk: Uint8Array) =>
  chunk[0] === 0x50 &&
  chunk[1] === 0x4b &&
  ((chunk[2] === 3 && chunk[3] === 4) || (chunk[2] === 5 && chunk[3] === 6))

function concat(parts: readonly Uint8Array[], length: number): Uint8Array {
  if (parts.length === 1 && parts[0]) return parts[0]
  const all = new Uint8Array(length)
  let at = 0
  for (const part of parts) {
    all.set(part, at)
    at += part.length
  }
  return all
}
