import type { NodeId } from './topology'

/** A finding of the live validation, shown in the problems panel and by `pacific-lab validate`. */
export interface Problem {
  severity: 'error' | 'warning' | 'info'
  /** Stable, kebab-case: `supervisor-needs-3-hosts`, `vm-class-not-bound`, ... */
  code: string
  objectId: NodeId
  message: string
  /** What the user would change to fix it. */
  hint: string
}
