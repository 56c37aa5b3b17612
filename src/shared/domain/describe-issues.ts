import type { z } from 'zod'

import { labelOf } from './field-labels'

type Issue = z.core.$ZodIssue

/** A field's place as a person reads it: `storage.0.policy` is "storage 1, policy". */
export function fieldName(path: readonly PropertyKey[]): string {
  const parts: string[] = []
  for (const p of path)
    if (typeof p === 'number' && parts.length > 0) parts[parts.length - 1] += ` ${p + 1}`
    else parts.push(typeof p === 'number' ? `entry ${p + 1}` : labelOf(String(p)))
  return parts.join(', ')
}

/** How zod's own messages start; a schema's own message ("must be an IPv4 address") does not. */
const ZOD_WORDING = /^(Too small|Too big|Invalid|Unrecognized|Expected)/

const quote = (v: unknown) => (typeof v === 'string' ? `"${v}"` : String(v))

/**
 * What is wrong with one value, as a person would say it (no zod wording, no types): "is
 * required", "must be at least 1", "must be one of small, medium". Messages the schemas write
 * themselves (refinements) are already for a person and are kept.
 */
export function issueSentence(issue: Issue): string {
  if (!ZOD_WORDING.test(issue.message)) return issue.message
  switch (issue.code) {
    case 'too_small':
      if (issue.origin === 'string')
        return Number(issue.minimum) <= 1 ? 'is required' : `needs at least ${issue.minimum} characters`
      if (issue.origin === 'array' || issue.origin === 'set')
        return `needs at least ${issue.minimum} ${Number(issue.minimum) === 1 ? 'entry' : 'entries'}`
      return `must be ${issue.inclusive === false ? 'more than' : 'at least'} ${issue.minimum}`
    case 'too_big':
      if (issue.origin === 'string') return `must be at most ${issue.maximum} characters long`
      if (issue.origin === 'array' || issue.origin === 'set') return `takes at most ${issue.maximum} entries`
      return `must be ${issue.inclusive === false ? 'less than' : 'at most'} ${issue.maximum}`
    case 'invalid_type':
      if (/received undefined/.test(issue.message)) return 'is required'
      return issue.expected === 'number' || issue.expected === 'int'
        ? 'must be a number'
        : issue.expected === 'boolean'
          ? 'must be on or off'
          : `must be ${issue.expected === 'array' ? 'a list' : issue.expected === 'object' ? 'a group of settings' : 'text'}`
    case 'invalid_value':
      return issue.values.length === 1
        ? `must be ${quote(issue.values[0])}`
        : `must be one of ${issue.values.map(quote).join(', ')}`
    case 'invalid_format':
      return issue.format === 'regex' ? 'is not in the expected format' : `must be a valid ${issue.format}`
    case 'not_multiple_of':
      return `must be a multiple of ${String(issue.divisor)}`
    case 'unrecognized_keys':
      return `has settings Pacific Lab does not know: ${issue.keys.join(', ')}`
    case 'invalid_union':
      return 'does not match any of the accepted forms'
    case 'invalid_key':
    case 'invalid_element':
      return 'has an entry that is not accepted'
    case 'custom':
      return issue.message
  }
}

/**
 * One issue with the field it is about: "storage 1, policy is required". `withKey` adds where
 * the value sits in a file (`storage.0.policy`), for messages about a file or a request.
 */
export function describeIssue(issue: Issue, withKey = false): string {
  const sentence = issueSentence(issue)
  if (issue.path.length === 0) return sentence
  const name = fieldName(issue.path)
  const key = issue.path.map(String).join('.')
  return withKey && key !== name ? `${name} (${key}) ${sentence}` : `${name} ${sentence}`
}

/** zod issues as one readable line, with the keys: "CPU cores (cpuCores) must be at least 1; ...". */
export function describeIssues(error: z.ZodError): string {
  return error.issues.map((issue) => describeIssue(issue, true)).join('; ')
}
