import { resolve } from 'node:path'
import { fileURLToPath } from 'node:url'

import { LAB_EXTENSION } from '../node/persistence/lab-file'

/**
 * The lab a launch names: the first argument ending in `.pacificlab`, taken from `cwd` when
 * relative. Switches (`--inspect`, Chromium's own) and the app path Electron passes in
 * development (`.`) are never labs, so the list may be `process.argv` minus the executable.
 */
export function labFromArgs(args: readonly string[], cwd: string): string | null {
  const lab = args.find((arg) => !arg.startsWith('-') && arg.endsWith(LAB_EXTENSION))
  return lab === undefined ? null : resolve(cwd, lab)
}

/**
 * What a second launch hands the first (`requestSingleInstanceLock`'s additional data): the lab
 * it was asked to open. Chromium may reorder or add to the second launch's argv, so the lab
 * travels here too; anything that is not this shape is ignored.
 */
export interface LaunchData {
  lab: string | null
}

export function labFromLaunchData(data: unknown): string | null {
  const lab = (data as Partial<LaunchData> | null)?.lab
  return typeof lab === 'string' && lab.endsWith(LAB_EXTENSION) ? lab : null
}

/**
 * The lab file a navigation would load: Chromium navigates to a file dropped on a page that does
 * not take the drop itself. Anything else (another file, a web address) is no lab.
 */
export function labFromNavigation(url: string): string | null {
  if (!url.startsWith('file:')) return null
  try {
    const path = fileURLToPath(url)
    return path.endsWith(LAB_EXTENSION) ? path : null
  } catch {
    return null
  }
}
