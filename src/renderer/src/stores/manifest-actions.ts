import type { Input, Output } from '../../../shared/contract/contract'
import type { Result } from '../../../shared/contract/result'
import { labClient } from '../api/lab-client'

/**
 * Export and import requests, beside the other actions so the dialogs never call the service
 * themselves. Applying an import is an edit (edit-actions' applyEditBatch).
 */

/** The open lab as manifest files with the chosen options, and the schema problems. */
export function exportManifests(
  options: NonNullable<Input<'exportManifests'>['options']>,
): Promise<Result<Output<'exportManifests'>>> {
  return labClient().exportManifests({ options })
}

/** Reads manifests against the open lab: the batch an import would apply, or every error. */
export function checkImport(
  files: Input<'importManifests'>['files'],
  defaultNamespace: string,
): Promise<Result<Output<'importManifests'>>> {
  const ns = defaultNamespace.trim()
  return labClient().importManifests({ files, ...(ns ? { defaultNamespace: ns } : {}) })
}
