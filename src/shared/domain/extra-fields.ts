import { z } from 'zod'

/**
 * What an imported Kubernetes object says beyond the lab's model, kept verbatim with the node
 * (`spec.extra`) and written back on export, so import then export gives the object back.
 * Read-only in the inspector; made by import (src/shared/manifests/kept-fields.ts).
 */

/** A step of a field's path: an object key, or the item of a list whose `name` is this. */
export const ExtraPathStep = z.union([z.string(), z.object({ name: z.string() }).strict()])
export type ExtraPathStep = z.output<typeof ExtraPathStep>

/**
 * One kept field. `value` is the field as read (absent: the object had no such field, so the
 * lab's own is left out). `labWrote` is what the lab wrote at that path when the object was
 * read (absent: nothing); the field is applied only while the lab still writes exactly that,
 * so an edit in the lab always wins. `after` places an added key or list item behind its
 * neighbour as read (null: first).
 */
export const ExtraField = z.object({
  path: z.array(ExtraPathStep).min(1),
  value: z.unknown().optional(),
  labWrote: z.unknown().optional(),
  after: z.string().nullable().optional(),
})
export type ExtraField = z.output<typeof ExtraField>

export const ExtraFields = z.object({
  /** The apiVersion and kind the object was read as; it is exported in that form. */
  apiVersion: z.string().min(1),
  kind: z.string().min(1),
  fields: z.array(ExtraField).default([]),
})
export type ExtraFields = z.output<typeof ExtraFields>

/** `spec.template.spec.containers[web].env`: a kept field's path as people read it. */
export function formatExtraPath(path: readonly ExtraPathStep[]): string {
  return path.reduce<string>(
    (acc, step) => (typeof step === 'string' ? (acc ? `${acc}.${step}` : step) : `${acc}[${step.name}]`),
    '',
  )
}
