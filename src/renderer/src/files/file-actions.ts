import type { Result } from '../../../shared/contract/result'
import type { LabRevision } from '../../../shared/contract/contract'
import { labClient } from '../api/lab-client'
import { whenRevision } from '../stores/lab-sync'
import { reportError } from '../stores/notice-store'

/** The lab file extension, as the service requires it. */
export const LAB_EXTENSION = '.pacificlab'

/** What the file browser does with the path it is given. */
export type FileMode = 'new-lab' | 'open-lab' | 'save-lab-as'

/**
 * Carries out File > New, Open or Save As on a path the user chose: the service creates, opens
 * or copies the lab, and the page waits until the lab arrives by push. An existing file is
 * replaced only when the user said so (`overwrite`).
 */
export async function fileRequest(
  mode: FileMode,
  path: string,
  overwrite = false,
): Promise<Result<LabRevision>> {
  const client = labClient()
  const result =
    mode === 'new-lab'
      ? await client.newLab({ path, overwrite })
      : mode === 'save-lab-as'
        ? await client.saveLabAs({ path, overwrite })
        : await client.openLab({ path })
  if (result.ok) await whenRevision(result.value.revision)
  return result
}

/** File > Open Recent: opens the lab; a failure (moved, damaged) shows in the error banner. */
export async function openRecentLab(path: string): Promise<void> {
  const result = await fileRequest('open-lab', path)
  if (!result.ok) reportError(`The lab did not open: ${result.error.message}`)
}

/** `name` inside `folder`, with the folder's own separator (a Windows path keeps its `\`). */
export function joinPath(folder: string, name: string): string {
  const separator = folder.includes('\\') && !folder.includes('/') ? '\\' : '/'
  return folder.endsWith(separator) ? folder + name : folder + separator + name
}

/** The file name for what the user typed: the extension added when it is missing. */
export const labFileName = (typed: string) => {
  const name = typed.trim()
  return name.endsWith(LAB_EXTENSION) ? name : name + LAB_EXTENSION
}

/** The folder that holds `path` (the open lab's folder), or null for a path with none. */
export function folderOf(path: string | null): string | null {
  if (!path) return null
  const cut = Math.max(path.lastIndexOf('/'), path.lastIndexOf('\\'))
  return cut <= 0 ? (cut === 0 ? path.slice(0, 1) : null) : path.slice(0, cut)
}
