import { ViewState } from '../../shared/contract/contract'
import type { Db } from './sqlite'

/** What a lab shows before the user has moved anything. */
export const DEFAULT_VIEW_STATE: ViewState = {
  viewport: { x: 0, y: 0, zoom: 1 },
  collapsed: [],
  selection: [],
}

/** The stored view state; a damaged or missing row reads as the default, as a view is not worth an error. */
export function readViewState(db: Db): ViewState {
  const json = db.prepare('SELECT json FROM view_state WHERE id = 1').pluck().get() as string | undefined
  if (json === undefined) return DEFAULT_VIEW_STATE
  try {
    const parsed = ViewState.safeParse(JSON.parse(json))
    return parsed.success ? parsed.data : DEFAULT_VIEW_STATE
  } catch {
    return DEFAULT_VIEW_STATE
  }
}

export function writeViewState(db: Db, view: ViewState) {
  db.prepare(
    'INSERT INTO view_state (id, json) VALUES (1, ?) ON CONFLICT(id) DO UPDATE SET json = excluded.json',
  ).run(JSON.stringify(view))
}

/** A per-lab setting (JSON), or undefined. */
export function readSetting(db: Db, key: string): unknown {
  const value = db.prepare('SELECT value FROM settings WHERE key = ?').pluck().get(key) as string | undefined
  return value === undefined ? undefined : (JSON.parse(value) as unknown)
}

export function writeSetting(db: Db, key: string, value: unknown) {
  db.prepare(
    'INSERT INTO settings (key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value',
  ).run(key, JSON.stringify(value))
}
