import { existsSync, mkdirSync } from 'node:fs'
import { homedir, platform } from 'node:os'
import { isAbsolute, join, resolve } from 'node:path'

import { LabError } from '../../shared/contract/result'
import { migrate, SETTINGS_APPLICATION_ID, SETTINGS_MIGRATIONS } from './schema'
import { openSqlite, type Db } from './sqlite'

/**
 * The user data folder: PACIFIC_LAB_DATA_DIR when set (tests, e2e, portable use), else the
 * platform's place for app data (~/.config/pacific-lab on Linux, as Electron's userData).
 */
export function dataDir(): string {
  const fromEnv = process.env['PACIFIC_LAB_DATA_DIR']
  if (fromEnv) return resolve(fromEnv)
  const home = homedir()
  const os = platform()
  if (os === 'darwin') return join(home, 'Library', 'Application Support', 'pacific-lab')
  if (os === 'win32') return join(process.env['APPDATA'] ?? join(home, 'AppData', 'Roaming'), 'pacific-lab')
  return join(process.env['XDG_CONFIG_HOME'] ?? join(home, '.config'), 'pacific-lab')
}

/** How many recent labs are remembered. */
export const RECENT_LIMIT = 20

/** The app's own settings database (`settings.sqlite` in the data folder): recent labs, app settings. */
export class AppData {
  private readonly db: Db

  constructor(readonly dir: string) {
    const file = join(dir, 'settings.sqlite')
    try {
      mkdirSync(dir, { recursive: true })
      this.db = openSqlite(file)
    } catch (e) {
      throw new LabError(
        'unwritable',
        `The data folder ${dir} cannot be used: ${e instanceof Error ? e.message : String(e)}.`,
      )
    }
    try {
      this.db.pragma('journal_mode = WAL')
      const appId = this.db.pragma('application_id', { simple: true }) as number
      if (appId !== 0 && appId !== SETTINGS_APPLICATION_ID)
        throw new LabError('not-a-lab', `${file} is not Pacific Lab's settings database.`)
      migrate(this.db, SETTINGS_MIGRATIONS, SETTINGS_APPLICATION_ID)
    } catch (e) {
      this.db.close()
      if (e instanceof LabError) throw e
      throw new LabError('bad-file', `${file} is not a settings database Pacific Lab can use: ${String(e)}.`)
    }
  }

  /** Where the first-start demo lab lives. */
  get demoPath(): string {
    return join(this.dir, 'demo.pacificlab')
  }

  /** Puts a lab at the top of the recent list, trimming it to RECENT_LIMIT. */
  rememberLab(path: string, name: string) {
    this.db.transaction(() => {
      this.db
        .prepare(
          'INSERT INTO recent_labs (path, name, opened) VALUES (?, ?, ?) ON CONFLICT(path) DO UPDATE SET name = excluded.name, opened = excluded.opened',
        )
        .run(path, name, new Date().toISOString())
      this.db
        .prepare(
          'DELETE FROM recent_labs WHERE path NOT IN (SELECT path FROM recent_labs ORDER BY opened DESC, rowid DESC LIMIT ?)',
        )
        .run(RECENT_LIMIT)
    })()
  }

  /** Recent labs, newest first, with whether each file is still there. */
  recentLabs(): { path: string; name: string; opened: string; exists: boolean }[] {
    const rows = this.db
      .prepare('SELECT path, name, opened FROM recent_labs ORDER BY opened DESC, rowid DESC')
      .all() as { path: string; name: string; opened: string }[]
    return rows.map((r) => ({ ...r, exists: existsSync(r.path) }))
  }

  /**
   * Resolves a lab path the user typed (serve mode has no file dialog): absolute, or relative to
   * the data folder. Names the problem when it cannot be a lab path.
   */
  resolveLabPath(typed: string): string {
    const path = typed.trim()
    if (path === '')
      throw new LabError('bad-path', 'The lab path is empty; type a file name like my-lab.pacificlab.')
    if (path.includes('\0'))
      throw new LabError('bad-path', `The lab path "${typed}" contains a NUL character.`)
    if (!path.endsWith('.pacificlab'))
      throw new LabError('bad-path', `"${typed}" does not end in .pacificlab; lab files have that extension.`)
    return isAbsolute(path) ? path : resolve(this.dir, path)
  }

  close() {
    if (this.db.open) this.db.close()
  }
}
