import type { Severity } from '../to-flow'

/** The corner mark of an object with problems: red for errors, amber for warnings. */
export function ProblemBadge({ severity }: { severity: Severity | null }) {
  if (!severity || severity === 'info') return null
  return (
    <span
      className={`problem-badge severity-${severity}`}
      data-testid="problem-badge"
      title={
        severity === 'error' ? 'Has errors: see the problems panel' : 'Has warnings: see the problems panel'
      }
    >
      !
    </span>
  )
}
