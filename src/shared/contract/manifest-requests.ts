import { z } from 'zod'

import { EditBatch } from '../domain/edits'
import { ExportOptions } from '../manifests/options'
import type { Result } from './result'

/**
 * The manifest requests of the contract, kept in their own file until LabService serves them:
 * the integrator spreads `manifestRequests` into `requests` in contract.ts and the handlers of
 * src/node/manifests/manifest-handlers.ts into LabService.handlers (docs/manifests.md).
 */

/** A file of an export or an import: path relative to its root, `/` separators. */
export const ManifestFile = z.object({ path: z.string().min(1), content: z.string() })

export const ProblemSchema = z.object({
  severity: z.enum(['error', 'warning', 'info']),
  code: z.string(),
  objectId: z.string(),
  message: z.string(),
  hint: z.string(),
})

export const ImportErrorSchema = z.object({
  file: z.string(),
  line: z.number().int(),
  col: z.number().int(),
  message: z.string(),
  path: z.string().optional(),
  schema: z.string().optional(),
})

export const manifestRequests = {
  /** The open lab as manifests and vCenter requests; no files when any object breaks its schema. */
  exportManifests: {
    input: z.object({ options: ExportOptions.partial().optional() }),
    output: z.object({ files: z.array(ManifestFile), problems: z.array(ProblemSchema) }),
  },
  /** Manifests read against the open lab: the batch to apply (null: no change), or every error. */
  importManifests: {
    input: z.object({ files: z.array(ManifestFile).min(1), defaultNamespace: z.string().optional() }),
    output: z.discriminatedUnion('ok', [
      z.object({
        ok: z.literal(true),
        batch: EditBatch.nullable(),
        summary: z.array(z.string()),
        /** Fields of modelled kinds the lab does not keep, with where they are. */
        warnings: z.array(ImportErrorSchema),
      }),
      z.object({ ok: z.literal(false), errors: z.array(ImportErrorSchema) }),
    ]),
  },
} as const

type M = typeof manifestRequests
/** The client side of these requests, as LabClient will have them once they are in `requests`. */
export type ManifestClient = {
  [K in keyof M]: (input: z.input<M[K]['input']>) => Promise<Result<z.output<M[K]['output']>>>
}
