import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'

import { describe, expect, it } from 'vitest'

import { CliUsageError, type CliIo } from '../../src/node/cli/command'
import { generateCommand } from '../../src/node/cli/commands/generate'
import { loadLabArgument } from '../../src/node/cli/load-lab'
import { generateLargeLab, type LargeLabOptions } from '../../src/shared/domain/large-lab'
import type { Topology } from '../../src/shared/domain/topology'
import { plan } from '../../src/shared/engine/plan'
import { validateLab } from '../../src/shared/engine/validate-lab'

const generate = async (...args: string[]) => {
  const out: string[] = []
  const io: CliIo = { out: (l) => out.push(l), err: (l) => out.push(l) }
  return { code: await generateCommand.run(args, io), out }
}
/** The message of the usage error `generate` stops with. */
const refusal = async (...args: string[]) =>
  generate(...args).then(
    () => 'no error',
    (e: unknown) => (e instanceof CliUsageError ? e.message : `not a usage error: ${String(e)}`),
  )
const dir = mkdtempSync(join(tmpdir(), 'pl-generate-'))
const count = (t: Topology, kind: string) => t.nodes.filter((n) => n.kind === kind).length
const serious = (t: Topology) => validateLab(t).filter((p) => p.severity !== 'info')

const SHAPES: [string, LargeLabOptions][] = [
  ['one cluster of pods (the bench lab, smaller)', { hosts: 8, namespaces: 5, pods: 200 }],
  [
    'three clusters of every kind, sized by a seed',
    { hosts: 9, clusters: 3, namespaces: 6, pods: 240, deployments: 6, vms: 6, tkcs: 3, seed: 7 },
  ],
  ['a three-zone Supervisor with VMs and clusters', { hosts: 9, zones: 3, namespaces: 3, vms: 6, tkcs: 3 }],
]

describe('generated labs', () => {
  for (const [what, options] of SHAPES)
    it(`${what}: validates clean and runs without a problem`, () => {
      const lab = generateLargeLab(options)
      expect(serious(lab.topology)).toEqual([])
      const run = plan(lab.topology, undefined, 1)
      expect(run.summary.problems).toEqual([])
      expect(count(lab.topology, 'host')).toBe(options.hosts)
      expect(count(lab.topology, 'namespace')).toBe(options.namespaces)
      expect(count(lab.topology, 'pod')).toBe(options.pods ?? 0)
      expect(count(lab.topology, 'tkc')).toBe(options.tkcs ?? 0)
    })

  it('is the same lab for the same options and seed, another for another seed', () => {
    const options = { hosts: 6, namespaces: 3, pods: 60, seed: 3 }
    expect(generateLargeLab(options)).toEqual(generateLargeLab(options))
    expect(generateLargeLab({ ...options, seed: 4 })).not.toEqual(generateLargeLab(options))
  })

  it('with tight, validate names the capacity it lacks and the run leaves workloads waiting', () => {
    const lab = generateLargeLab({ hosts: 6, namespaces: 4, pods: 400, vms: 4, tight: true })
    const problems = serious(lab.topology)
    expect(problems.length).toBeGreaterThan(0)
    expect(new Set(problems.map((p) => p.code))).toEqual(new Set(['no-host-fits']))
    expect(problems[0]!.message).toMatch(/find no host/)
    const run = plan(lab.topology, undefined, 1)
    expect(run.summary.statuses['Pending']).toBeGreaterThan(0)
    expect(run.steps.some((s) => s.failure?.code === 'no-feasible-host')).toBe(true)
  })
})

describe('pacific-lab generate', () => {
  it('writes a lab file and a lab text that open as the lab asked for', async () => {
    const args = ['--hosts', '6', '--namespaces', '3', '--pods', '30', '--vms', '3', '--seed', '5']
    const file = join(dir, 'gen.pacificlab')
    const text = join(dir, 'gen.lab.yaml')
    expect((await generate(...args, file)).code).toBe(0)
    const written = await generate(...args, text)
    expect(written.out).toEqual([`Wrote ${text}: Large lab: 6 hosts, 3 namespaces, 30 vSphere Pods, 3 VMs`])
    const expected = generateLargeLab({ hosts: 6, namespaces: 3, pods: 30, vms: 3, seed: 5 })
    expect(loadLabArgument(file).topology).toEqual(expected.topology)
    expect(loadLabArgument(text).topology).toEqual(expected.topology)
  })

  it('refuses to overwrite without --force and overwrites with it', async () => {
    const out = join(dir, 'kept.lab.yaml')
    writeFileSync(out, 'mine')
    expect(await refusal('--hosts', '3', '--pods', '3', out)).toMatch(/already exists; add --force/)
    expect(readFileSync(out, 'utf8')).toBe('mine')
    expect((await generate('--force', '--hosts', '3', '--namespaces', '1', '--pods', '3', out)).code).toBe(0)
    expect(readFileSync(out, 'utf8')).toContain('fn-0003')
  })

  it('names the flag of every bad option', async () => {
    const out = join(dir, 'bad.lab.yaml')
    expect(await refusal('--pods', 'x', out)).toBe('--pods must be a whole number >= 0, not "x"')
    expect(await refusal('--zones', '2', out)).toBe('--zones must be 1 or 3, not "2"')
    expect(await refusal('--seed=-1', out)).toBe('--seed must be a whole number >= 0, not "-1"')
    expect(await refusal('--seed', '99999999999', out)).toMatch(
      /^--seed must be a whole number from 0 to 4294967295/,
    )
    expect(await refusal('--hosts', '2', out)).toMatch(/^--hosts: .*a Supervisor needs at least 3/)
    expect(await refusal('--zones', '3', '--clusters', '4', out)).toMatch(/^--clusters: .*multiple of 3/)
    expect(await refusal('--pods', '0', '--tight', out)).toMatch(/^--tight: /)
    expect(await refusal('--namespaces', '0', '--pods', '5', out)).toMatch(/^--namespaces: /)
    expect(await refusal('--hosts', '3', '--pods', '100000', out)).toMatch(/^--hosts: .*give more --hosts/)
    expect(await refusal('--hosts', '3', join(dir, 'lab.txt'))).toMatch(
      /does not end in \.pacificlab or \.lab\.yaml/,
    )
  })

  it('refuses vSphere Pods on three zones with the rule that refuses them in a run', async () => {
    const out = join(dir, 'zones.lab.yaml')
    const why =
      'cannot run: Supervisor "supervisor-01" spans three zones, where vSphere Pods are not supported'
    expect(await refusal('--zones', '3', '--hosts', '9', '--pods', '5', out)).toBe(
      `--pods: vSphere Pods ${why}`,
    )
    expect(await refusal('--zones', '3', '--hosts', '9', '--deployments', '5', out)).toBe(
      `--deployments: Deployments ${why}`,
    )
    // Three zones and no pods asked for: three clusters, one Supervisor, no pods.
    expect(
      (await generate('--zones', '3', '--hosts', '9', '--namespaces', '2', '--vms', '2', out)).code,
    ).toBe(0)
    const lab = loadLabArgument(out)
    expect(count(lab.topology, 'cluster')).toBe(3)
    expect(count(lab.topology, 'supervisor')).toBe(1)
    expect(count(lab.topology, 'pod')).toBe(0)
  })
})
