import { appendFileSync, mkdirSync, renameSync, rmSync, statSync } from 'node:fs'
import { join } from 'node:path'

/** Where main and serve mode note what went wrong, for a user to attach to a bug report. */
export interface Log {
  info(message: string): void
  error(message: string, e?: unknown): void
}

export interface LogOptions {
  /** A file grows to this many bytes before it is rotated; default 1 MiB. */
  maxBytes?: number
  /** How many rotated files are kept beside the current one (`.1` newest); default 3. */
  keep?: number
}

/** The log file in a data folder: `<dir>/logs/pacific-lab.log`. */
export const logPath = (dataDir: string) => join(dataDir, 'logs', 'pacific-lab.log')

const describe = (e: unknown) => (e instanceof Error ? (e.stack ?? e.message) : String(e))

/**
 * A log written line by line (synchronously, so the last line before a crash is there) and
 * rotated by size: at most `keep + 1` files of about `maxBytes` each. Logging never throws: a
 * disk that cannot take the log must not take the app down with it.
 */
export function createFileLog(dataDir: string, options: LogOptions = {}): Log {
  const file = logPath(dataDir)
  const maxBytes = options.maxBytes ?? 1024 * 1024
  const keep = options.keep ?? 3
  const rotate = () => {
    rmSync(`${file}.${keep}`, { force: true })
    for (let i = keep - 1; i >= 1; i--)
      try {
        renameSync(`${file}.${i}`, `${file}.${i + 1}`)
      } catch {
        // Not there yet.
      }
    renameSync(file, `${file}.1`)
  }
  const write = (level: string, message: string) => {
    const line = `${new Date().toISOString()} ${level} ${message.replace(/\n/g, '\n    ')}\n`
    try {
      mkdirSync(join(dataDir, 'logs'), { recursive: true })
      let size = 0
      try {
        size = statSync(file).size
      } catch {
        size = 0
      }
      if (size > 0 && size + Buffer.byteLength(line) > maxBytes) rotate()
      appendFileSync(file, line)
    } catch {
      // See above: the log is best effort.
    }
  }
  return {
    info: (message) => write('info ', message),
    error: (message, e) => write('error', e === undefined ? message : `${message}: ${describe(e)}`),
  }
}
