import { describe, expect, it } from 'vitest'

import type { CliIo } from '../../src/node/cli/command'
import { runCommandWith } from '../../src/node/cli/commands/run'
import { smallLab, type SmallLabOptions } from '../../src/shared/domain/small-lab'
import { plan } from '../../src/shared/engine/plan'
import { GIB, vm } from '../fixtures/engine-labs'

/** `pacific-lab run LAB --json` on a lab built in code: the steps with their status, and the summary. */
async function runJson(o: SmallLabOptions, ...args: string[]) {
  const out: string[] = []
  const io: CliIo = { out: (l) => out.push(l), err: (l) => out.push(l) }
  const command = runCommandWith(() => ({ name: 'test', description: '', topology: smallLab(o) }))
  expect(await command.run(['LAB', '--json', ...args], io)).toBe(0)
  out.pop()
  return out.map(
    (l) => JSON.parse(l) as { seq: number; object: string; action: string; status: string; text: string },
  )
}

describe('texts follow the lab', () => {
  it('one control-plane VM is one API server', () => {
    // One control-plane VM arrives with vCenter 9.0 (domain/rules/versions.ts).
    const run = plan(
      smallLab({ vcenter: { version: '9.0' }, supervisor: { controlPlaneCount: 1 } }),
      undefined,
      1,
    )
    const vip = run.steps.find((s) => s.action === 'api-vip')!.text
    expect(vip).toContain('in front of the single API server')
    expect(vip).not.toContain('three API servers')
    expect(run.steps.filter((s) => s.action === 'cp-vm-deploy').map((s) => s.text.slice(0, 30))).toEqual([
      'ControlPlaneVMsDeployed (1/1):',
    ])
    expect(run.steps[0]?.text).toContain('one control-plane VM)')
  })
  it('three control-plane VMs are three API servers', () => {
    const run = plan(smallLab(), undefined, 1)
    expect(run.steps.find((s) => s.action === 'api-vip')!.text).toContain('in front of the three API servers')
  })
})

describe("the seed deck's words (DOMAIN.md 1.4)", () => {
  const run = plan(smallLab({ nodes: [{ kind: 'pod', id: 'pod-1' }] }), undefined, 1)
  it("step 3 names the seed deck's Kubernetes Lifecycle Manager and narrates the path that shipped", () => {
    const step3 = run.steps.find((s) => s.object === 'pod-1' && s.seedStep === 3)!
    expect(step3.text).toContain('"Kubernetes Lifecycle Manager (wcpsvc)"')
    expect(step3.text).toContain('Pacific scheduler extension through vCenter and DRS to hostd')
    expect(step3.text).toContain('vSphere Pod Lifecycle Controller')
    expect(step3.target).toMatch(/^hostd:/)
  })
})

describe('the DRS explanation says ties as ties', () => {
  it('three hosts with the same active memory tie, and the pick says by which rule', async () => {
    // Each host gets one control-plane VM (16 GiB active), so all three end up at 16 GiB.
    const steps = await runJson({ nodes: [vm('vm-1')] })
    const place = steps.find((s) => s.object === 'vm-1' && s.action === 'vm-place')!
    expect(place.text).toContain(
      "all three hosts tie at 16 GiB active memory; DRS picks esxi-1, the first of them by name (DRS publishes no tie-break; the lab's rule, assumed)",
    )
    expect(place.text).not.toContain('16Gi vs')
  })
  it('a tie goes to the same host whatever the seed, so validate can predict it', () => {
    const pick = (seed: number) =>
      plan(smallLab({ nodes: [vm('vm-1')] }), undefined, seed).steps.find(
        (s) => s.object === 'vm-1' && s.action === 'vm-place',
      )!.placement!.chosen
    expect(new Set([1, 2, 3, 17, 99].map(pick))).toEqual(new Set(['host-1']))
  })
  it('a strict winner is named with the others', () => {
    const steps = plan(
      smallLab({
        hosts: [{}, { activeMemoryMiB: 20 * GIB }, { activeMemoryMiB: 30 * GIB }],
        nodes: [vm('vm-1')],
      }),
      undefined,
      1,
    ).steps
    expect(steps.find((s) => s.object === 'vm-1' && s.action === 'vm-place')!.text).toContain(
      'DRS picks esxi-1, the lowest active usage (16 GiB active memory vs 36 GiB on esxi-2, 46 GiB on esxi-3)',
    )
  })
})

describe('a failed host reads as failed', () => {
  it('its own fault step reads Failed, not Ready, through pacific-lab run --json', async () => {
    const steps = await runJson({}, '--fault', 'host-failure:esxi-2@5')
    const fault = steps.find((s) => s.seq === 5)!
    expect(fault.object).toBe('host-2')
    expect(fault.status).toBe('Failed')
    const maintenance = await runJson({}, '--fault', 'host-maintenance:esxi-2@5')
    expect(maintenance.find((s) => s.seq === 5)!.status).toBe('Maintenance')
  })
})
