/** The component that refuses an object in a run, which decides the lane the refusal is shown in. */
export type Refuser = 'apiserver' | 'vm-operator' | 'cluster-api' | 'csi' | 'wcpsvc'

/**
 * A platform rule broken: what `validate` lists as a problem and what the run refuses with, from
 * one function, so the two cannot disagree. `code` is the run's failure code; `reason` says what
 * is wrong naming the objects, `hint` what to change.
 */
export interface Refusal {
  code: string
  reason: string
  hint: string
  by: Refuser
  /** The node the problem belongs to, when not the one checked. */
  objectId?: string
  /**
   * Set when the refusal is a feature the vCenter version lacks: validate lists one problem per
   * missing feature (`key`), naming every object that uses it (versionRefusal).
   */
  feature?: { key: string; missing: string; user: string }
}

export const refusal = (code: string, by: Refuser, reason: string, hint: string): Refusal => ({
  code,
  by,
  reason,
  hint,
})

/**
 * A feature the vCenter version lacks, used by `user` ('Supervisor "sv"'): the run refuses the
 * user with `user: missing`; validate merges the users of one feature into one problem.
 */
export function versionRefusal(
  code: string,
  by: Refuser,
  key: string,
  missing: string,
  user: string,
  hint: string,
): Refusal {
  return {
    code,
    by,
    reason: `${user}: ${missing}`,
    hint,
    feature: { key: `${key}\u0000${missing}`, missing, user },
  }
}
