import { describe, expect, it } from 'vitest'

import { buildQuietly } from '../../scripts/quiet-build.mjs'

const node = process.execPath
const chatty = (exitCode: number) => [
  node,
  '-e',
  `for (let i = 1; i <= 25; i++) console.log('chunk ' + i); console.error('warning'); process.exit(${exitCode})`,
]

describe('the quiet build of npm run serve and npm start', () => {
  it('keeps a build that succeeds silent', () => {
    const { ok, output } = buildQuietly(chatty(0))
    expect(ok).toBe(true)
    expect(output).toContain('chunk 25') // kept, not printed: build() prints it only on failure
  })

  it('gives back everything a failing build printed, to show the user', () => {
    const { ok, output } = buildQuietly(chatty(1))
    expect(ok).toBe(false)
    expect(output.split('\n').filter((l) => l.startsWith('chunk'))).toHaveLength(25)
    expect(output).toContain('warning')
  })

  it('fails, saying why, when the build cannot even start', () => {
    const { ok, output } = buildQuietly(['/no/such/program'])
    expect(ok).toBe(false)
    expect(output).toContain('ENOENT')
  })
})
