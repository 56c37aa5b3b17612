import { spawnSync } from 'node:child_process'

import { describe, expect, it } from 'vitest'

import { CliUsageError, type CliIo } from '../../src/node/cli/command'
import { runCommandWith } from '../../src/node/cli/commands/run'
import { validateCommandWith } from '../../src/node/cli/commands/validate'
import { loadDemoLab } from '../../src/node/demo-lab'
import type { LabDocument } from '../../src/shared/domain/lab-document'
import { podSpec, smallLab, type SmallLabOptions } from '../../src/shared/domain/small-lab'

const cli = (...args: string[]) =>
  spawnSync(process.execPath, ['bin/pacific-lab.js', ...args], { encoding: 'utf8' })

/** Runs a command in-process on a lab the LAB argument cannot name yet (lab files come later). */
async function inProcess(which: 'run' | 'validate', lab: LabDocument, ...args: string[]) {
  const out: string[] = []
  const io: CliIo = { out: (l) => out.push(l), err: (l) => out.push(l) }
  const load = () => lab
  const command = which === 'run' ? runCommandWith(load) : validateCommandWith(load)
  const code = await command.run(['LAB', ...args], io)
  return { code, out }
}
const small = (o: SmallLabOptions): LabDocument => ({ name: 'test', description: '', topology: smallLab(o) })
const jsonRun = async (lab: LabDocument, ...args: string[]) => {
  const { code, out } = await inProcess('run', lab, '--json', ...args)
  const lines = out.map((l) => JSON.parse(l) as Record<string, unknown>)
  const summary = (
    lines.pop() as { summary: { problems: { object: string; status: string; reason: string }[] } }
  ).summary
  return {
    code,
    steps: lines as {
      object: string
      seedStep: number | null
      status: string
      failure?: { code: string }
      placement?: unknown
    }[],
    summary,
  }
}
const failuresOf = (steps: { object: string; failure?: { code: string } }[], id: string) =>
  steps.filter((s) => s.object === id && s.failure).map((s) => s.failure!.code)

describe('pacific-lab run (binary)', () => {
  it("prints each vSphere Pod's seven seed steps with placement explained, the same for the same seed", () => {
    const a = cli('run', 'demo', '--seed', '7')
    const b = cli('run', 'demo', '--seed', '7')
    expect(a.status).toBe(0)
    expect(a.stdout).toBe(b.stdout)
    // Objects and lanes read by name (issue 15): the demo's pods are fn-orders and fn-payments.
    expect(a.stdout).not.toMatch(/\bpod-1\b|hostd:host-/)
    for (const pod of ['fn-orders', 'fn-payments']) {
      const seeds = a.stdout
        .split('\n')
        .filter((l) => l.includes(` ${pod} `))
        .map((l) => /\[(\d)\/7\]/.exec(l)?.[1])
        .filter(Boolean)
      expect([...new Set(seeds)]).toEqual(['1', '2', '3', '4', '5', '6', '7'])
    }
    expect(a.stdout).toContain('<= chosen')
    expect(a.stdout).toContain('why: kube-scheduler kept 3 of 3 hosts')
  })
  it('prints only the summary with --quiet, the same counts as the full listing', async () => {
    const { code, out } = await inProcess('run', loadDemoLab(), '--quiet')
    const full = await inProcess('run', loadDemoLab())
    expect(code).toBe(0)
    expect(out[0]).toMatch(/^Demo.*: \d+ steps, seed 1$/)
    expect(out[1]).toBe(full.out.find((l) => l.trim().startsWith('Done in'))!.trim())
    expect(out.some((l) => l.includes('=>'))).toBe(false)
  })
  it('exits 2 naming the problem on bad input', () => {
    const cases: [string[], string][] = [
      [['run', 'demo', '--seed', 'abc'], '--seed must be a whole number'],
      [['run', 'demo', '--fault', 'meteor:esxi-01@3'], 'unknown fault kind "meteor"'],
    ]
    for (const [args, message] of cases) {
      const r = cli(...args)
      expect(r.status, args.join(' ')).toBe(2)
      expect(r.stderr).toContain(message)
    }
  })
  it("validate lists the demo lab's notes and exits 0", () => {
    const r = cli('validate', 'demo', '--json')
    expect(r.status).toBe(0)
    expect((JSON.parse(r.stdout) as { problems: { code: string }[] }).problems.map((p) => p.code)).toContain(
      'supervisor-size-unverified',
    )
  })
})

describe('pacific-lab run --json', () => {
  it('prints one object per step, then the summary', async () => {
    const { code, steps } = await jsonRun(loadDemoLab())
    expect(code).toBe(0)
    const first = steps[0]!
    expect(Object.keys(first)).toEqual([
      'seq',
      't',
      'duration',
      'sequence',
      'object',
      'actor',
      'target',
      'action',
      'seedStep',
      'text',
      'status',
    ])
    expect(
      steps
        .filter((s) => s.object === 'pod-1')
        .map((s) => s.status)
        .at(-1),
    ).toBe('Running')
    expect(steps.some((s) => s.object === 'pod-1' && s.placement)).toBe(true)
  })
  it('reaches every fault on the demo lab and still exits 0', async () => {
    const demo = loadDemoLab()
    const { code, steps, summary } = await jsonRun(
      demo,
      '--fault',
      'quota-change:finance=pods=1@22',
      '--fault',
      'registry-outage:docker.io@30',
      '--fault',
      'ip-exhaustion:finance@40',
      '--fault',
      'host-maintenance:esxi-01@42',
      '--fault',
      'host-failure:esxi-02@44',
    )
    expect(code).toBe(0)
    expect(steps.filter((s) => s.object !== 'pod-1' && s.failure).length).toBeGreaterThan(3)
    expect(failuresOf(steps, 'pod-2')).toEqual(['quota-exceeded'])
    expect(failuresOf(steps, 'vm-1')).toEqual(['ip-exhausted'])
    expect(steps.some((s) => (s as { action?: string }).action === 'ha-restart')).toBe(true)
    expect(steps.some((s) => (s as { action?: string }).action === 'vmotion')).toBe(true)
    expect(
      steps.filter((s) => (s as { sequence?: string }).sequence === 'fault').length,
    ).toBeGreaterThanOrEqual(5)
    expect(summary.problems.map((p) => p.object)).toEqual(expect.arrayContaining(['pod-2', 'vm-1']))
  })
  it('shows image pull back-off and Pending with per-host reasons', async () => {
    const demo = loadDemoLab()
    const pull = await jsonRun(demo, '--fault', 'registry-outage:harbor.corp.local@21')
    expect(failuresOf(pull.steps, 'pod-1')).toEqual([
      'image-pull-backoff',
      'image-pull-backoff',
      'image-pull-backoff',
      'image-pull-backoff',
      'image-pull-backoff',
      'image-pull-failed',
    ])
    const pending = await jsonRun(
      demo,
      '--fault',
      'host-maintenance:esxi-01@21',
      '--fault',
      'host-maintenance:esxi-02@22',
      '--fault',
      'host-maintenance:esxi-03@23',
    )
    const last = pending.steps.filter((s) => s.object === 'pod-1').at(-1)!
    expect(last.status).toBe('Pending')
    expect(pending.summary.problems.find((p) => p.object === 'pod-1')?.reason).toContain(
      '0/3 nodes are available: esxi-01: host in maintenance mode',
    )
  })
  it('reaches the failures a lab can carry: limits, unsupported specs, Supervisor type, unbound classes', async () => {
    const huge = await jsonRun(
      small({ nodes: [{ kind: 'pod', id: 'p', spec: podSpec({ cpu: 100 }, { cpu: 64000 }) }] }),
    )
    expect(failuresOf(huge.steps, 'p')).toEqual(['limit-exceeds-host'])
    const hostPath = await jsonRun(
      small({
        nodes: [
          {
            kind: 'pod',
            id: 'p',
            spec: { ...podSpec(), volumes: [{ name: 'v', claimName: '', hostPath: '/' }] },
          },
        ],
      }),
    )
    expect(failuresOf(hostPath.steps, 'p')).toEqual(['unsupported-spec'])
    const vds = await jsonRun(
      small({ network: { type: 'vds', loadBalancer: 'haproxy' }, nodes: [{ kind: 'pod', id: 'p' }] }),
    )
    expect(failuresOf(vds.steps, 'p')).toEqual(['pods-not-supported'])
    const unbound = await jsonRun(
      small({
        nodes: [
          { kind: 'vm', id: 'v', spec: { className: 'guaranteed-large', image: 'ubuntu' } },
          { kind: 'vm', id: 'w', spec: { image: 'ubuntu', storageClass: 'silver' } },
        ],
      }),
    )
    expect(failuresOf(unbound.steps, 'v')).toEqual(['vm-class-not-bound'])
    expect(failuresOf(unbound.steps, 'w')).toEqual(['storage-class-not-bound'])
  })
  it('validate exits 1 when a lab has an error', async () => {
    const { code, out } = await inProcess('validate', small({ hosts: [{}, {}] }))
    expect(code).toBe(1)
    expect(out.join('\n')).toContain('supervisor-needs-3-hosts')
  })
  it('rejects bad input as usage errors (exit 2), naming the problem', async () => {
    const cases: [string[], string][] = [
      [['extra'], 'run takes one LAB, got 2'],
      [['--seed=-1'], '--seed must be a whole number'],
      [['--fault', 'host-failure:esxi-99@3'], 'no ESXi host with id or name "esxi-99"'],
      [['--fault', 'host-failure:esxi-01@x'], 'STEP must be a step number'],
      [['--fault', 'quota-change:finance=cores=2@3'], 'quota-change takes pods=N'],
      [['--fault', 'registry-outage:quay.io@3'], 'no container image pulls from registry "quay.io"'],
      [['--fault', 'host-failure:esxi-01@9999'], 'step 9999 is past the end of the run'],
    ]
    for (const [args, message] of cases) {
      const attempt = inProcess('run', loadDemoLab(), ...args)
      await expect(attempt).rejects.toBeInstanceOf(CliUsageError)
      await expect(attempt).rejects.toThrow(message)
    }
  })
})
