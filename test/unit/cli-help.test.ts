import { spawnSync } from 'node:child_process'
import { parseArgs } from 'node:util'

import { describe, expect, it } from 'vitest'

import { COMMANDS } from '../../src/node/cli/commands/index'
import { HELP_WIDTH } from '../../src/node/cli/help'
import { main } from '../../src/node/cli/main'
import { describeParseError } from '../../src/node/cli/parse-errors'

/** Runs the CLI in this process, as the terminal would see it. */
async function cli(...argv: string[]) {
  const out: string[] = []
  const err: string[] = []
  const code = await main(argv, { out: (l) => out.push(l), err: (l) => err.push(l) })
  return { code, stdout: out.join('\n'), stderr: err.join('\n') }
}

const tooWide = (text: string) => text.split('\n').filter((line) => line.length > HELP_WIDTH)

describe('CLI help', () => {
  it(`lists every command with its summary in ${HELP_WIDTH} columns`, async () => {
    const help = await cli('--help')
    expect(help.code).toBe(0)
    expect(tooWide(help.stdout)).toEqual([])
    for (const command of COMMANDS) expect(help.stdout).toMatch(new RegExp(`^  ${command.name} +\\S`, 'm'))
    expect(help.stdout).toContain('"pacific-lab COMMAND --help"')
  })

  it.each(COMMANDS.map((c) => c.name))(
    '"%s --help" prints its usage, arguments and options, fitting the width',
    async (name) => {
      for (const args of [
        [name, '--help'],
        [name, '-h'],
        ['help', name],
        [name, 'demo', '--help'],
      ]) {
        const help = await cli(...args)
        expect({ args, code: help.code, stderr: help.stderr }).toEqual({ args, code: 0, stderr: '' })
        expect(help.stdout.split('\n')[0]).toMatch(new RegExp(`^Usage: pacific-lab ${name}\\b`))
        expect(help.stdout).toContain('\nOptions:\n')
        expect(help.stdout).toMatch(/^ {2}--help +Print this help$/m)
        expect(tooWide(help.stdout)).toEqual([])
      }
    },
  )

  it('documents every option each command accepts', async () => {
    const flags = (text: string) => new Set([...text.matchAll(/--[a-z][a-z-]*/g)].map((m) => m[0]))
    for (const command of COMMANDS) {
      const options = (await cli(command.name, '--help')).stdout.split('\nOptions:\n')[1] ?? ''
      for (const flag of flags(command.usage))
        expect({ command: command.name, flag, listed: options.includes(flag) }).toEqual({
          command: command.name,
          flag,
          listed: true,
        })
    }
  })

  it('takes --help after "--" as an argument, not as a request for help', async () => {
    const r = await cli('run', '--', '--help')
    expect(r.code).toBe(2)
    expect(r.stderr).toContain('cannot open "--help"')
  })
})

describe('CLI argument errors', () => {
  it.each(COMMANDS.map((c) => c.name))('"%s" names an unknown option and itself', async (name) => {
    const r = await cli(name, '--frobnicate', 'x.pacificlab')
    expect(r.code).toBe(2)
    expect(r.stderr.split('\n')[0]).toBe(
      `pacific-lab ${name}: unknown option --frobnicate (see "pacific-lab ${name} --help")`,
    )
    expect(r.stderr).not.toContain('positional argument')
  })

  it('says which option needs a value and which takes none', async () => {
    expect((await cli('run', 'demo', '--seed')).stderr).toContain(
      'pacific-lab run: --seed needs a value (see "pacific-lab run --help")',
    )
    expect((await cli('import', 'x.pacificlab', 'a.yaml', '-n')).stderr).toContain(
      'pacific-lab import: --namespace needs a value',
    )
    expect((await cli('validate', '--json=yes', 'demo')).stderr).toContain(
      'pacific-lab validate: --json takes no value',
    )
  })

  it('names an argument a command without arguments does not take', () => {
    let error: unknown
    try {
      parseArgs({ args: ['extra'], options: { json: { type: 'boolean' } }, allowPositionals: false })
    } catch (e) {
      error = e
    }
    expect(describeParseError(error, 'generate')).toBe(
      '"extra" is not an argument of generate (see "pacific-lab generate --help")',
    )
    expect(describeParseError(new Error('other'), 'run')).toBeNull()
  })

  it('prints "run --help" from the installed command, not a parse error (the issue\'s case)', () => {
    const r = spawnSync(process.execPath, ['bin/pacific-lab.js', 'run', '--help'], { encoding: 'utf8' })
    expect(r.status).toBe(0)
    expect(r.stderr).toBe('')
    expect(r.stdout).toMatch(/^Usage: pacific-lab run LAB/)
    expect(r.stdout).toContain('--fault SPEC')
  })
})
