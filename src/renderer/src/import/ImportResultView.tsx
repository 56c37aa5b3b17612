import type { ImportError } from '../../../shared/manifests/import/parse-files'
import { importErrorDetail, importErrorLocation } from '../../../shared/manifests/import/format-error'

interface Checked {
  batch: { label: string } | null
  summary: string[]
  warnings: ImportError[]
  notes: ImportError[]
}

function Located({ items, testId }: { items: readonly ImportError[]; testId: string }) {
  return (
    <ul className="import-warnings" data-testid={testId}>
      {items.map((w, i) => (
        <li key={i}>
          <code>{importErrorLocation(w)}</code> {importErrorDetail(w)}
        </li>
      ))}
    </ul>
  )
}

/** What an accepted import would change, what the platform would ignore and how things were read. */
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
          <strong>The platform ignores these (import says where):</strong>
          <Located items={result.warnings} testId="import-warnings" />
        </>
      ) : null}
      {result.notes.length ? (
        <>
          <strong>Notes:</strong>
          <Located items={result.notes} testId="import-notes" />
        </>
      ) : null}
    </div>
  )
}
