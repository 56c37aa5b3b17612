import { describe, expect, it } from 'vitest'
import { z } from 'zod'

import { describeIssue, describeIssues } from './describe-issues'
import { SPEC_SCHEMAS } from './specs'

/** As the inspector shows them, under the field. */
const issues = (schema: z.ZodType, value: unknown) => {
  const parsed = schema.safeParse(value)
  if (parsed.success) throw new Error('expected a refusal')
  return parsed.error.issues.map((i) => describeIssue(i)).join('; ')
}

describe('validation messages for a person', () => {
  it('names the field and what is expected, in words, never zod’s', () => {
    const storage = z.object({ storage: z.array(z.object({ policy: z.string().min(1) })) })
    expect(issues(storage, { storage: [{ policy: '' }] })).toBe('storage 1, policy is required')
    expect(issues(z.object({ cpuCores: z.number().int().min(1) }), { cpuCores: 0 })).toBe(
      'CPU cores must be at least 1',
    )
    expect(issues(z.object({ size: z.enum(['tiny', 'small']) }), { size: 'huge' })).toBe(
      'size must be one of "tiny", "small"',
    )
    expect(issues(z.object({ memoryMiB: z.number() }), { memoryMiB: 'lots' })).toBe('memory must be a number')
  })

  it('keeps a message the schema wrote itself', () => {
    expect(issues(z.object({ ip: z.string().regex(/^\d+$/, 'must be an IPv4 address') }), { ip: 'x' })).toBe(
      'ip must be an IPv4 address',
    )
  })

  it('adds the key where a file or a request holds the value', () => {
    const parsed = z.object({ cpuCores: z.number().min(1) }).safeParse({ cpuCores: 0 })
    expect(parsed.success ? '' : describeIssues(parsed.error)).toBe('CPU cores (cpuCores) must be at least 1')
  })

  it('says what is wrong with a namespace storage entry added empty (issue 15)', () => {
    const parsed = SPEC_SCHEMAS.namespace.safeParse({ storage: [{ policy: '' }] })
    const text = parsed.success ? '' : describeIssues(parsed.error)
    expect(text).toContain('storage 1, policy (storage.0.policy) is required')
    expect(text).not.toMatch(/Too small|expected string|>=/)
  })
})
