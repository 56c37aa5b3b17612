import { useEffect, useState, type DragEvent } from 'react'

import type { Output } from '../../../shared/contract/contract'
import { importErrorDetail, importErrorLocation } from '../../../shared/manifests/import/format-error'
import { applyEditBatch, undoEdit } from '../stores/edit-actions'
import { checkImport } from '../stores/manifest-actions'
import { selectSnapshot, useLabStore } from '../stores/lab-store'
import { isReadAsManifest, readPicked, type ReadFiles } from './read-files'
import { ImportResultView } from './ImportResultView'
import '../export/export-dialog.css'
import './import-dialog.css'

/** The import checked against the lab at `revision`; applying it is refused if the lab moved on. */
interface Check {
  result: Output<'importManifests'>
  revision: number
}

/**
 * The import dialog: pick or drop YAML files or a zip, see what would change (or every error
 * with file, line and column, and then nothing can change), and confirm. The import is applied
 * as one edit, so one undo takes it back; the dialog offers that undo right after.
 */
export function ImportDialog({ open, onClose }: { open: boolean; onClose: () => void }) {
  // The body holds the state, so closing the dialog forgets the files and the check.
  return open ? <ImportDialogBody onClose={onClose} /> : null
}

function ImportDialogBody({ onClose }: { onClose: () => void }) {
  const snapshot = useLabStore(selectSnapshot)
  const [read, setRead] = useState<ReadFiles | null>(null)
  const [namespace, setNamespace] = useState('')
  const [check, setCheck] = useState<Check | null>(null)
  const [applied, setApplied] = useState<{ label: string; revision: number } | null>(null)
  const [error, setError] = useState<string | null>(null)
  const [status, setStatus] = useState('')
  const [dragging, setDragging] = useState(false)
  const revision = snapshot?.revision

  // Check again whenever the files, the default namespace or the lab change (not once applied).
  useEffect(() => {
    if (!read || read.files.length === 0 || applied || revision === undefined) return
    let stale = false
    void checkImport(read.files, namespace).then((result) => {
      if (stale) return
      if (result.ok) {
        setError(null)
        setCheck({ result: result.value, revision })
      } else setError(result.error.message)
    })
    return () => {
      stale = true
    }
  }, [read, namespace, applied, revision])

  const take = (list: FileList | null) => {
    if (!list || list.length === 0) return
    const files = Array.from(list)
    setStatus(`Reading ${files.length} file${files.length === 1 ? '' : 's'}…`)
    void readPicked(files).then((r) => {
      setApplied(null)
      setCheck(null)
      setRead(r)
      setStatus('')
    })
  }
  const onDrop = (e: DragEvent) => {
    e.preventDefault()
    setDragging(false)
    take(e.dataTransfer.files)
  }
  const onDragOver = (e: DragEvent) => {
    e.preventDefault()
    e.dataTransfer.dropEffect = 'copy'
    setDragging(true)
  }

  const ok = check?.result.ok ? check.result : null
  const batch = ok?.batch ?? null
  const readOnly = snapshot?.readOnly ?? false
  const apply = async () => {
    if (!batch || !check) return
    const result = await applyEditBatch(batch, check.revision)
    if (!result.ok) {
      setError(`Not imported: ${result.error.message}`)
      return
    }
    setError(null)
    setApplied({ label: batch.label, revision: result.value.revision })
    setStatus(`Imported: ${batch.label}`)
  }
  // Undo here only while the import is still the last edit; otherwise it would undo something else.
  const canUndo =
    applied !== null && snapshot?.revision === applied.revision && snapshot.undoLabel === applied.label
  const undo = async () => {
    const result = await undoEdit()
    if (!result.ok) {
      setError(`Not undone: ${result.error.message}`)
      return
    }
    setStatus(`Undone: ${applied?.label ?? 'import'}`)
    setApplied(null)
  }

  return (
    <div
      className="export-backdrop"
      role="presentation"
      onClick={onClose}
      onDragOver={onDragOver}
      onDrop={onDrop}
    >
      <div
        className="export-dialog import-dialog"
        role="dialog"
        aria-modal="true"
        aria-label="Import manifests"
        data-testid="import-dialog"
        onClick={(e) => e.stopPropagation()}
        onDragLeave={() => setDragging(false)}
      >
        <header className="export-header">
          <h2>Import manifests</h2>
          <label>
            Namespace for objects without one
            <input
              data-testid="import-namespace"
              value={namespace}
              placeholder="none"
              onChange={(e) => setNamespace(e.target.value)}
            />
          </label>
          <span className="spacer" />
          <button type="button" data-testid="import-close" onClick={onClose}>
            Close
          </button>
        </header>
        <div className="import-body">
          <label className="import-drop" data-dragging={dragging}>
            <span>
              Drop .yaml, .yml or .json files or a .zip here (a zip of an export is read whole), or choose
              them:
            </span>
            <input
              type="file"
              multiple
              accept=".yaml,.yml,.json,.zip"
              data-testid="import-files"
              onChange={(e) => {
                take(e.target.files)
                e.target.value = ''
              }}
            />
          </label>
          {read ? (
            <section aria-label="Files read">
              <ul className="import-file-list" data-testid="import-file-list">
                {read.files.map((f) => (
                  <li key={f.path} data-manifest={isReadAsManifest(f)}>
                    {f.path}
                    {isReadAsManifest(f) ? null : <em> (not a manifest; left out)</em>}
                  </li>
                ))}
              </ul>
              {read.problems.length ? (
                <ul className="import-warnings">
                  {read.problems.map((p) => (
                    <li key={p}>{p}</li>
                  ))}
                </ul>
              ) : null}
            </section>
          ) : null}
          {error ? (
            <div className="export-error" role="alert" data-testid="import-request-error">
              {error}
            </div>
          ) : null}
          {check && !check.result.ok ? (
            <div className="import-errors" role="alert" data-testid="import-errors">
              <strong>
                {check.result.errors.length} error{check.result.errors.length === 1 ? '' : 's'}: nothing will
                be imported and the lab stays as it is.
              </strong>
              <ul>
                {check.result.errors.map((e, i) => (
                  <li key={i} data-file={e.file} data-line={e.line} data-col={e.col}>
                    <code>{importErrorLocation(e)}</code> {importErrorDetail(e)}
                  </li>
                ))}
              </ul>
            </div>
          ) : null}
          {ok && !applied ? <ImportResultView result={ok} /> : null}
          {applied ? (
            <div className="import-done" data-testid="import-done">
              <span>
                Imported as one edit: <strong>{applied.label}</strong>.
              </span>
              <button type="button" data-testid="import-undo" disabled={!canUndo} onClick={() => void undo()}>
                Undo import
              </button>
              {canUndo ? null : <span className="muted">The lab changed since; undo from its history.</span>}
            </div>
          ) : null}
        </div>
        <footer className="export-footer">
          <span className="export-status" data-testid="import-status">
            {readOnly ? 'This lab is read-only: nothing can be imported into it.' : status}
          </span>
          <span className="spacer" />
          <button
            type="button"
            data-testid="import-apply"
            disabled={!batch || readOnly || applied !== null}
            onClick={() => void apply()}
          >
            {batch
              ? `Import ${ok?.summary.length ?? 0} change${ok?.summary.length === 1 ? '' : 's'}`
              : 'Import'}
          </button>
        </footer>
      </div>
    </div>
  )
}
