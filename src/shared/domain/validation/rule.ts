import type { Kind } from '../kinds'
import type { Problem } from '../problems'
import type { ResolvedTopology } from '../resolve'
import type { Refusal } from '../rules/refusal'
import type { LabNode } from '../topology'

/** What a rule found; `objectId` defaults to the node the rule looked at. */
export interface Finding {
  message: string
  hint: string
  objectId?: string
  /** A more precise code than the rule's, for rules that report several domain rules. */
  code?: string
  /** A feature the vCenter lacks: validate lists one problem per feature (Refusal.feature). */
  feature?: { key: string; missing: string; user: string }
}

/**
 * One validation rule: a stable code and severity, the kinds of node it looks at, and a check
 * run once per such node. Rules are data, so the problems panel and the CLI list the same set.
 */
export interface Rule {
  code: string
  severity: Problem['severity']
  kinds: readonly Kind[]
  /** DOMAIN.md or DESIGN.md section the rule comes from. */
  source: string
  check(node: LabNode, r: ResolvedTopology): Finding | readonly Finding[] | null
}

/** A domain refusal as a finding, under the validate code `codes` maps its run code to. */
export const fromRefusal = (r: Refusal, codes: Readonly<Record<string, string>>): Finding => ({
  message: r.reason,
  hint: r.hint,
  ...(r.objectId === undefined ? {} : { objectId: r.objectId }),
  ...(codes[r.code] === undefined ? {} : { code: codes[r.code] }),
  ...(r.feature === undefined ? {} : { feature: r.feature }),
})

/** Shorthand for a rule's single finding. */
export const finding = (message: string, hint: string, objectId?: string): Finding =>
  objectId === undefined ? { message, hint } : { message, hint, objectId }
