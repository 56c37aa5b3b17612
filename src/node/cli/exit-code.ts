import { LabError } from '../../shared/contract/result'
import { LabDocumentError } from '../../shared/domain/lab-document'
import { EditError } from '../../shared/domain/edits'
import { FaultError } from '../../shared/engine/faults'
import { LabTextError } from '../../shared/lab-text/format'
import { CliUsageError } from './command'

/** Exit codes, as the README gives them. */
export const EXIT = { ok: 0, labHasErrors: 1, badInput: 2, bug: 3 } as const

export interface Failure {
  exitCode: (typeof EXIT)[keyof typeof EXIT]
  message: string
  /** Print the command's usage line after the message. */
  showUsage: boolean
}

const FILE_PROBLEMS: Readonly<Record<string, string>> = {
  ENOENT: 'does not exist',
  ENOTDIR: 'is not in a folder (a part of the path is a file)',
  EISDIR: 'is a folder, not a file',
  EACCES: 'cannot be read or written: permission denied',
  EPERM: 'cannot be read or written: operation not permitted',
  ELOOP: 'is a symbolic link that leads back to itself (a link loop)',
  EROFS: 'is on a read-only file system',
  ENOSPC: 'cannot be written: the disk is full',
  ENAMETOOLONG: 'is too long a path for this system',
}

/**
 * What an error means for the exit code: input the user can fix (a bad argument, an unreadable
 * or unwritable file, a lab text that does not parse, a refused edit) exits 2 with a message
 * naming the file or object; anything else is a bug in Pacific Lab and exits 3.
 */
export function classifyFailure(e: unknown): Failure {
  const message = e instanceof Error ? e.message : String(e)
  const code = (e as { code?: unknown } | null)?.code
  if (e instanceof CliUsageError || (typeof code === 'string' && code.startsWith('ERR_PARSE_ARGS_')))
    return { exitCode: EXIT.badInput, message, showUsage: true }
  if (e instanceof LabError && e.code !== 'internal')
    return { exitCode: EXIT.badInput, message, showUsage: false }
  if (
    e instanceof LabTextError ||
    e instanceof LabDocumentError ||
    e instanceof EditError ||
    e instanceof FaultError
  )
    return { exitCode: EXIT.badInput, message, showUsage: false }
  const path = (e as { path?: unknown } | null)?.path
  if (typeof code === 'string' && typeof path === 'string')
    return {
      exitCode: EXIT.badInput,
      message: `${path} ${FILE_PROBLEMS[code] ?? `cannot be used (${code})`}`,
      showUsage: false,
    }
  return {
    exitCode: EXIT.bug,
    message: `internal error (a bug in Pacific Lab; please report it): ${message}`,
    showUsage: false,
  }
}
