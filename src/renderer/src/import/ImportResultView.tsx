import type { ImportError } from '../../../shared/manifests/import/parse-files'
import { importErrorDetail, importErrorLocation } from '../../../shared/manifests/import/format-error'

interface Checked {
  batch: { label: string } | null
  summary: string[]
  warnings: ImportError[]
}

/** What an accepted import would change, and the fields it drops, each with where it is. */
export function ImportResultView({ result }: { result: Checked }) {
  const n = result.summary.length
  return (
    <div className="import-summary" data-testid="import-summary">
      <strong>
        {result.batch
          ? `${n} change${n === 1 ? '' : 's'}, applied as one edit (one undo takes ${n === 1 ? 'it' : 'them all'} back):`
          : 'Nothing to change: the lab already holds these manifests.'}
      </strong>
      {n ? (
        <ul>
          {result.summary.map((line, i) => (
            <li key={i}>{line}</li>
          ))}
        </ul>
      ) : null}
      {result.warnings.length ? (
        <>
          <strong>Not kept by the lab (these fields are dropped):</strong>
          <ul className="import-warnings" data-testid="import-warnings">
            {result.warnings.map((w, i) => (
              <li key={i}>
                <code>{importErrorLocation(w)}</code> {importErrorDetail(w)}
              </li>
            ))}
          </ul>
        </>
      ) : null}
    </div>
  )
}
