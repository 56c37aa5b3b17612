/**
 * What every request returns across a process boundary: handlers never throw across it
 * (Electron would keep only the message), they return a Result.
 */
export type Result<T> = { ok: true; value: T } | { ok: false; error: LabErrorInfo }

/**
 * Every error code a user can meet, one per cause, so a client (or a script reading the CLI's
 * `--json`) can tell them apart. `internal` is only for bugs in Pacific Lab itself.
 */
export const LAB_ERROR_CODES = [
  // The contract and its transports.
  'invalid-input',
  'unknown-method',
  'unauthorized',
  'forbidden-host',
  'forbidden-origin',
  'forbidden-sender',
  'method-not-allowed',
  'unsupported-media-type',
  'too-large',
  'bad-url',
  'offline',
  'stale',
  // Files and paths.
  'not-found',
  'bad-path',
  'exists',
  'unreadable',
  'unwritable',
  'bad-file',
  'not-a-lab',
  'newer-version',
  'read-only',
  // Edits and their history.
  'edit-refused',
  'stale-edit',
  'invalid-spec',
  'parent-not-allowed',
  'parent-cycle',
  'nothing-to-undo',
  'nothing-to-redo',
  // Runs.
  'no-such-run',
  'no-such-step',
  'run-exists',
  'bad-step',
  'bad-fault',
  'no-topology',
  'cancelled',
  'not-running',
  // Imports.
  'import-limit',
  // A bug: never caused by what the user did.
  'internal',
] as const
export type LabErrorCode = (typeof LAB_ERROR_CODES)[number]

export const isLabErrorCode = (code: unknown): code is LabErrorCode =>
  (LAB_ERROR_CODES as readonly unknown[]).includes(code)

export interface LabErrorInfo {
  /** Machine-readable cause; see LAB_ERROR_CODES. */
  code: LabErrorCode
  /** A sentence for the user that names the problem and where it is. */
  message: string
}

export const ok = <T>(value: T): Result<T> => ({ ok: true, value })
export const err = (code: LabErrorCode, message: string): Result<never> => ({
  ok: false,
  error: { code, message },
})

/** Thrown inside a handler to become a Result error with a chosen code. */
export class LabError extends Error {
  constructor(
    readonly code: LabErrorCode,
    message: string,
  ) {
    super(message)
  }
}
