import type { LabDocument } from '../../shared/domain/lab-document'
import type { Problem } from '../../shared/domain/problems'
import { exportFiles, type ExportFile } from '../../shared/manifests/export-files'
import { importManifests, type ImportResult } from '../../shared/manifests/import/import-manifests'
import type { ImportFile } from '../../shared/manifests/import/parse-files'
import { ExportOptions } from '../../shared/manifests/options'
import { checkExport, type SchemaValidator } from '../../shared/manifests/schema-check'
import { createSchemaValidator } from './schema-validate'
import { checkVcenterRequests, createVcenterValidator, type VcenterValidator } from './vcenter-schema-check'

let validator: SchemaValidator | undefined
let vcenterValidator: VcenterValidator | undefined

/** The one validator of the process; schemas compile on first use (a few hundred ms). */
export function schemaValidator(): SchemaValidator {
  validator ??= createSchemaValidator()
  return validator
}

export interface CheckedExport {
  /** Empty when any object breaks its schema: the export refuses to write invalid objects. */
  files: ExportFile[]
  problems: Problem[]
}

/** Exports a lab and validates every object and request body; refuses (no files) when one is invalid. */
export function exportLab(
  doc: Pick<LabDocument, 'name' | 'topology'>,
  options: Partial<ExportOptions> = {},
): CheckedExport {
  const opts = ExportOptions.parse(options)
  const result = exportFiles(doc.topology, doc.name, opts)
  vcenterValidator ??= createVcenterValidator()
  const problems = [
    ...result.problems,
    ...checkExport(result.objects, schemaValidator()),
    ...checkVcenterRequests(result.requests, vcenterValidator),
  ]
  const refused = problems.some((p) => p.severity === 'error')
  return { files: refused ? [] : result.files, problems }
}

/** Imports files into a lab's topology: a batch (null when nothing changes) or every error. */
export function importIntoLab(
  doc: Pick<LabDocument, 'topology'>,
  files: readonly ImportFile[],
  defaultNamespace?: string,
): ImportResult {
  return importManifests(doc.topology, files, { validate: schemaValidator(), defaultNamespace })
}

/**
 * The contract handlers for manifests, for LabService to spread into its `handlers`:
 * `...createManifestHandlers(() => this.lab.doc)`.
 */
export function createManifestHandlers(currentLab: () => Pick<LabDocument, 'name' | 'topology'>) {
  return {
    exportManifests: ({ options }: { options?: Partial<ExportOptions> | undefined }) =>
      exportLab(currentLab(), options ?? {}),
    importManifests: ({
      files,
      defaultNamespace,
    }: {
      files: ImportFile[]
      defaultNamespace?: string | undefined
    }) => importIntoLab(currentLab(), files, defaultNamespace),
  }
}
