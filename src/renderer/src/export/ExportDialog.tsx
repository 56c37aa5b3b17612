import { useEffect, useMemo, useState } from 'react'

import type { Problem } from '../../../shared/domain/problems'
import {
  CLUSTER_APIS,
  EXPORT_FORMATS,
  SCHEMA_COVERAGE,
  VM_APIS,
  type ClusterApi,
  type ExportFormat,
  type VmApi,
} from '../../../shared/manifests/options'
import { exportManifests } from '../stores/manifest-actions'
import { focusObject } from '../stores/selection-store'
import { selectSnapshot, useLabStore } from '../stores/lab-store'
import { ExportChecks } from './ExportChecks'
import { highlight } from './highlight'
import { saveExport } from './save-files'
import './export-dialog.css'

interface File {
  path: string
  content: string
}

/**
 * The export dialog: choose format and API versions, preview each file with colouring, copy
 * it, save all, and see the validation problems and which versions have a real schema.
 * Escape closes it (keymap).
 */
export function ExportDialog({ open, onClose }: { open: boolean; onClose: () => void }) {
  const snapshot = useLabStore(selectSnapshot)
  const [format, setFormat] = useState<ExportFormat>('yaml')
  const [vmApi, setVmApi] = useState<VmApi | ''>('')
  const [clusterApi, setClusterApi] = useState<ClusterApi | ''>('')
  const [files, setFiles] = useState<File[]>([])
  const [problems, setProblems] = useState<Problem[]>([])
  const [error, setError] = useState<string | null>(null)
  const [selected, setSelected] = useState<string>('')
  const [status, setStatus] = useState('')

  useEffect(() => {
    if (!open) return
    let stale = false
    const options = { format, ...(vmApi ? { vmApi } : {}), ...(clusterApi ? { clusterApi } : {}) }
    void exportManifests(options).then((result) => {
      if (stale) return
      if (!result.ok) {
        setError(result.error.message)
        return
      }
      setError(null)
      setFiles(result.value.files)
      setProblems(result.value.problems)
      setSelected((s) =>
        result.value.files.some((f) => f.path === s) ? s : (result.value.files[0]?.path ?? ''),
      )
    })
    return () => {
      stale = true
    }
  }, [open, format, vmApi, clusterApi, snapshot?.revision])

  const file = files.find((f) => f.path === selected)
  const lines = useMemo(() => (file ? highlight(file.path, file.content) : []), [file])
  if (!open) return null

  const copy = () => {
    if (!file) return
    navigator.clipboard.writeText(file.content).then(
      () => setStatus(`Copied ${file.path}`),
      (e: unknown) => setStatus(`Copy failed: ${String(e)}`),
    )
  }
  const save = () => setStatus(`Saved ${saveExport(files, format, snapshot?.name ?? 'lab')}`)

  return (
    <div className="export-backdrop" role="presentation" onClick={onClose}>
      <div
        className="export-dialog"
        role="dialog"
        aria-modal="true"
        aria-label="Export manifests"
        data-testid="export-dialog"
        onClick={(e) => e.stopPropagation()}
      >
        <header className="export-header">
          <h2>Export manifests</h2>
          <label>
            Format
            <select
              data-testid="export-format"
              value={format}
              onChange={(e) => setFormat(e.target.value as ExportFormat)}
            >
              {EXPORT_FORMATS.map((f) => (
                <option key={f} value={f}>
                  {f === 'yaml' ? 'one YAML file' : f === 'dir' ? 'folder per namespace' : 'zip'}
                </option>
              ))}
            </select>
          </label>
          <label>
            VM API
            <select
              data-testid="export-vm-api"
              value={vmApi}
              onChange={(e) => setVmApi(e.target.value as VmApi | '')}
            >
              <option value="">as each VM was read, else as the vCenter serves</option>
              {VM_APIS.map((v) => (
                <option key={v} value={v}>
                  vmoperator {v}
                </option>
              ))}
            </select>
          </label>
          <label>
            Clusters
            <select
              data-testid="export-cluster-api"
              value={clusterApi}
              onChange={(e) => setClusterApi(e.target.value as ClusterApi | '')}
            >
              <option value="">as each cluster is set</option>
              {CLUSTER_APIS.map((v) => (
                <option key={v} value={v}>
                  {v}
                </option>
              ))}
            </select>
          </label>
          <span className="spacer" />
          <button type="button" data-testid="export-close" onClick={onClose} aria-label="Close">
            Close
          </button>
        </header>
        {error ? (
          <div className="export-error" role="alert" data-testid="export-error">
            {error}
          </div>
        ) : null}
        <div className="export-body">
          <ul className="export-files" data-testid="export-file-list" aria-label="Files">
            {files.map((f) => (
              <li key={f.path}>
                <button
                  type="button"
                  data-testid="export-file"
                  data-path={f.path}
                  aria-current={f.path === selected}
                  onClick={() => setSelected(f.path)}
                >
                  {f.path}
                </button>
              </li>
            ))}
          </ul>
          <pre
            className="export-preview"
            data-testid="export-preview"
            tabIndex={0}
            role="region"
            aria-label={file?.path ?? 'Preview'}
          >
            {lines.map((line, i) => (
              <div key={i}>
                {line.map((t, j) => (
                  <span key={j} className={`tok-${t.cls}`}>
                    {t.text}
                  </span>
                ))}
              </div>
            ))}
          </pre>
        </div>
        <section className="export-checks">
          {error ? null : (
            <ExportChecks
              files={files}
              problems={problems}
              topology={snapshot?.topology}
              onShow={(id) => {
                focusObject(id)
                onClose()
              }}
            />
          )}
          <details data-testid="export-coverage">
            <summary>Which versions are checked against a real schema</summary>
            <ul>
              {SCHEMA_COVERAGE.map((c) => (
                <li key={`${c.apiVersion} ${c.kind}`}>
                  {c.real ? 'real schema' : 'no public schema'}: {c.apiVersion} {c.kind}: {c.against}
                </li>
              ))}
            </ul>
          </details>
        </section>
        <footer className="export-footer">
          <span className="export-status" data-testid="export-status">
            {status}
          </span>
          <span className="spacer" />
          <button type="button" data-testid="export-copy" disabled={!file} onClick={copy}>
            Copy file
          </button>
          <button type="button" data-testid="export-save" disabled={files.length === 0} onClick={save}>
            {format === 'yaml' ? 'Save manifests.yaml' : 'Save zip'}
          </button>
        </footer>
      </div>
    </div>
  )
}
