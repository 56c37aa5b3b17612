import type { z } from 'zod'

/** zod issues as one readable line: `path.to.field: reason; other: reason`. */
export function describeIssues(error: z.ZodError): string {
  return error.issues
    .map((issue) => (issue.path.length > 0 ? `${issue.path.join('.')}: ${issue.message}` : issue.message))
    .join('; ')
}
