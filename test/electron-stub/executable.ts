import { chmodSync, existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { dirname, join } from 'node:path'

import { REGISTER, ROOT } from './boot'
import type { ExecutableRecord } from './types'

/** A folder holding a stand-in Electron executable, for ELECTRON_OVERRIDE_DIST_PATH. */
export interface StandInElectron {
  /** The folder (what ELECTRON_OVERRIDE_DIST_PATH names). */
  dist: string
  /** The executable in it, named as Electron's package expects it on this platform. */
  executable: string
  /** How it was started and what the main process did, once it has run; else null. */
  record(): ExecutableRecord | null
}

const sh = (s: string) => `'${s.replace(/'/g, `'\\''`)}'`

/**
 * Writes a stand-in for the Electron executable: a script that, like Electron, runs as plain
 * Node under ELECTRON_RUN_AS_NODE=1 (how better-sqlite3's build is probed), and otherwise starts
 * the app it is given under the stand-in `electron` module, records how it was started and what
 * the main process did until its window loaded (run-app.mjs), and quits. POSIX only.
 */
export function standInElectron(): StandInElectron {
  if (process.platform === 'win32')
    throw new Error('the stand-in Electron executable is a POSIX shell script')
  const dist = mkdtempSync(join(tmpdir(), 'pacific-lab-electron-dist-'))
  const recordFile = join(dist, 'started.json')
  // Named as Electron's package names it under ELECTRON_OVERRIDE_DIST_PATH: path.txt, else "electron".
  const pathTxt = join(ROOT, 'node_modules', 'electron', 'path.txt')
  const executable = join(dist, existsSync(pathTxt) ? readFileSync(pathTxt, 'utf8') : 'electron')
  mkdirSync(dirname(executable), { recursive: true })
  const program = join(import.meta.dirname, 'run-app.mjs')
  writeFileSync(
    executable,
    [
      '#!/bin/sh',
      '# A stand-in for the Electron executable, written by test/electron-stub/executable.ts.',
      `if [ "$ELECTRON_RUN_AS_NODE" = "1" ]; then exec ${sh(process.execPath)} "$@"; fi`,
      `PACIFIC_LAB_STUB_RECORD=${sh(recordFile)} exec ${sh(process.execPath)} --import ${sh(REGISTER)} ${sh(program)} "$@"`,
      '',
    ].join('\n'),
  )
  chmodSync(executable, 0o755)
  return {
    dist,
    executable,
    record: () =>
      existsSync(recordFile) ? (JSON.parse(readFileSync(recordFile, 'utf8')) as ExecutableRecord) : null,
  }
}
