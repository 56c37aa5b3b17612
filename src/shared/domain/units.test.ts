import { describe, expect, it } from 'vitest'

import { formatCpu, formatMemory, parseCpu, parseMemory } from './units'

describe('quantities', () => {
  it('reads CPU as kubectl does', () => {
    expect(parseCpu('500m')).toBe(500)
    expect(parseCpu('2')).toBe(2000)
    expect(parseCpu('0.25')).toBe(250)
    expect(parseCpu('1.5x')).toBeNull()
  })
  it('reads memory in MiB, rounding up', () => {
    expect(parseMemory('512Mi')).toBe(512)
    expect(parseMemory('1Gi')).toBe(1024)
    expect(parseMemory('1G')).toBe(954)
    expect(parseMemory('128974848')).toBe(123)
    expect(parseMemory('12 apples')).toBeNull()
  })
  it('writes back the shortest exact form', () => {
    expect(formatCpu(2000)).toBe('2')
    expect(formatCpu(250)).toBe('250m')
    expect(formatMemory(8192)).toBe('8Gi')
    expect(formatMemory(1536)).toBe('1536Mi')
  })
})
