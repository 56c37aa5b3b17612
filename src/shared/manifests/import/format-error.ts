import type { ImportError } from './parse-files'

/** `file:line:col`, the form editors and terminals turn into a link. */
export const importErrorLocation = (e: ImportError) => `${e.file}:${e.line}:${e.col}`

/** What went wrong after the location: the message, the object path and the refusing schema rule. */
export const importErrorDetail = (e: ImportError) =>
  `${e.message}${e.path ? ` [${e.path}]` : ''}${e.schema ? ` (schema: ${e.schema})` : ''}`

/** One line per error, warning or note: `file:line:col: [warning: |note: ]message [path] (schema: …)`. */
export function formatImportError(e: ImportError, severity: 'error' | 'warning' | 'note' = 'error'): string {
  return `${importErrorLocation(e)}: ${severity === 'error' ? '' : `${severity}: `}${importErrorDetail(e)}`
}
