import { z } from 'zod'

/** A finding of the live validation, shown in the problems panel and by `pacific-lab validate`. */
export const Problem = z.object({
  severity: z.enum(['error', 'warning', 'info']),
  /** Stable, kebab-case: `supervisor-needs-3-hosts`, `vm-class-not-bound`, ... */
  code: z.string(),
  objectId: z.string(),
  message: z.string(),
  /** What the user would change to fix it. */
  hint: z.string(),
})
export type Problem = z.output<typeof Problem>

/** The order problems are listed in: by object, then code. */
export const byObjectThenCode = (a: Problem, b: Problem) =>
  a.objectId < b.objectId ? -1 : a.objectId > b.objectId ? 1 : a.code < b.code ? -1 : a.code > b.code ? 1 : 0
