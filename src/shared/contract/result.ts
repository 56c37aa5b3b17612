/**
 * What every request returns across a process boundary: handlers never throw across it
 * (Electron would keep only the message), they return a Result.
 */
export type Result<T> = { ok: true; value: T } | { ok: false; error: LabErrorInfo }

export interface LabErrorInfo {
  /** Machine-readable: `invalid-input`, `unknown-method`, `not-found`, `bad-file`, ... */
  code: string
  /** A sentence for the user that names the problem and where it is. */
  message: string
}

export const ok = <T>(value: T): Result<T> => ({ ok: true, value })
export const err = (code: string, message: string): Result<never> => ({ ok: false, error: { code, message } })

/** Thrown inside a handler to become a Result error with a chosen code. */
export class LabError extends Error {
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(message)
  }
}
