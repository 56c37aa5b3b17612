import { describe, expect, it } from 'vitest'

import type { CliIo } from '../../src/node/cli/command'
import { validateCommandWith } from '../../src/node/cli/commands/validate'
import { exportLab } from '../../src/node/manifests/manifest-handlers'
import type { LabDocument } from '../../src/shared/domain/lab-document'
import { podSpec, smallLab, type NodeInput, type SmallLabOptions } from '../../src/shared/domain/small-lab'
import type { Topology } from '../../src/shared/domain/topology'
import { plan } from '../../src/shared/engine/plan'
import { applyEffects, initialState } from '../../src/shared/engine/state'

/**
 * Issue 11's defects on the rules side, each on a lab of its own (not the demo): `validate`
 * through the CLI command, the run and the export through their APIs.
 */

const doc = (topology: Topology): LabDocument => ({ name: 'lab', description: '', topology })

async function validate(topology: Topology) {
  const out: string[] = []
  const io: CliIo = { out: (l) => out.push(l), err: (l) => out.push(l) }
  const code = await validateCommandWith(() => doc(topology)).run(['LAB', '--json'], io)
  const problems = (
    JSON.parse(out.join('')) as { problems: { severity: string; code: string; message: string }[] }
  ).problems
  return { code, errors: problems.filter((p) => p.severity === 'error') }
}

function finalState(topology: Topology) {
  const run = plan(topology, undefined, 1)
  const state = initialState(topology)
  for (const s of run.steps) applyEffects(state, s.effects)
  return {
    run,
    status: (id: string) => state.objects[id]?.['status'],
    reason: (id: string) => state.objects[id]?.['reason'],
  }
}

/** A three-zone lab: the small lab's cluster plus two more of three hosts, all bound. */
function threeZones(o: SmallLabOptions): Topology {
  const extra: NodeInput[] = [2, 3].flatMap((c) => [
    { kind: 'cluster' as const, id: `cl-${c}`, parentId: 'vc-1' },
    ...[1, 2, 3].map((h) => ({ kind: 'host' as const, id: `host-${c}${h}`, parentId: `cl-${c}` })),
  ])
  const t = smallLab({
    ...o,
    supervisor: { zones: 3, ...o.supervisor },
    nodes: [...extra, ...(o.nodes ?? [])],
  })
  const links = [2, 3].map((c) => ({
    id: `l-${c}`,
    kind: 'supervisor-cluster' as const,
    source: 'sv-1',
    target: `cl-${c}`,
  }))
  return { ...t, links: [...t.links, ...links] }
}

describe('validate, run and export agree where main disagreed', () => {
  it('runs a VM of a custom VM class bound to its namespace, sized from the class', async () => {
    const t = smallLab({
      namespace: { vmClasses: ['numa-medium'] },
      nodes: [
        {
          kind: 'vm-class',
          id: 'cls-1',
          name: 'numa-medium',
          spec: { cpus: 4, memoryMiB: 32768, memoryReservationPercent: 50 },
        },
        { kind: 'vm', id: 'vm-1', spec: { className: 'numa-medium', image: 'ubuntu' } },
      ],
    })
    expect((await validate(t)).code).toBe(0)
    const { run, status } = finalState(t)
    expect(status('vm-1')).toBe('Running')
    expect(run.steps.find((s) => s.object === 'vm-1' && s.action === 'vm-place')?.text).toContain(
      'class numa-medium: 4 vCPU, 32Gi, reservation 0 MHz / 16Gi',
    )
  })

  it("runs and exports a TKC on the namespace's only storage policy, writing it out", async () => {
    const t = smallLab({
      nodes: [
        {
          kind: 'tkc',
          id: 'tkc-1',
          spec: {
            controlPlane: { replicas: 1, vmClass: 'best-effort-small', storageClass: '' },
            nodePools: [{ name: 'np-1', replicas: 1, vmClass: 'best-effort-small', storageClass: '' }],
          },
        },
      ],
    })
    expect((await validate(t)).code).toBe(0)
    expect(finalState(t).status('tkc-1')).toBe('Running')
    for (const clusterApi of ['tkc-v1alpha2', 'tkc-v1alpha3', 'capi-v1beta1'] as const) {
      const { files, problems } = exportLab(doc(t), { clusterApi })
      expect(problems.filter((p) => p.severity === 'error')).toEqual([])
      expect(files.find((f) => f.path === 'manifests.yaml')?.content).toContain('gold')
    }
  })

  it('asks which storage class a TKC means when the namespace offers several', async () => {
    const t = smallLab({
      namespace: { storage: [{ policy: 'gold' }, { policy: 'silver' }] },
      nodes: [
        { kind: 'storage-policy', id: 'sp-2', name: 'silver', parentId: 'vc-1' },
        { kind: 'tkc', id: 'tkc-1', spec: { controlPlane: { replicas: 1, vmClass: 'best-effort-small' } } },
      ],
    })
    const { errors } = await validate(t)
    expect(errors.map((e) => e.code)).toContain('storage-class-ambiguous')
    expect(errors.find((e) => e.code === 'storage-class-ambiguous')?.message).toContain(
      'offers 2 (gold, silver)',
    )
    expect(exportLab(doc(t)).files).toEqual([])
  })

  it('says that 200 pods exceed the CPU limit, by how much, before the run refuses them', async () => {
    const t = smallLab({
      namespace: { cpuLimitMhz: 40000 },
      nodes: [
        {
          kind: 'deployment',
          id: 'dep-1',
          name: 'web',
          spec: { ...podSpec({ cpu: 250 }, { cpu: 1000 }), replicas: 200 },
        },
      ],
    })
    const { code, errors } = await validate(t)
    expect(code).toBe(1)
    // Default hosts run at 2,600 MHz per core: 15 pods of 2,600 MHz fit under 40,000 MHz.
    expect(errors.map((e) => e.message)).toEqual([
      '185 of 200 pods of team exceed its CPU limit of 40,000 MHz by 480 GHz',
    ])
    expect(finalState(t).run.summary.problems.filter((p) => p.status === 'Failed')).toHaveLength(185)
  })
})

describe('the vCenter version decides what exists', () => {
  it('refuses three zones on 7.0U3, naming the version and the feature, in validate and in the run', async () => {
    const t = threeZones({ vcenter: { version: '7.0U3' }, policy: { zonal: true } })
    const { errors } = await validate(t)
    expect(errors.map((e) => e.message)).toContain(
      'Supervisor "supervisor": vCenter 7.0U3 has no three-zone Supervisors (vSphere Zones) (it arrives with 8.0)',
    )
    expect(finalState(t).status('sv-1')).toBe('Failed')
    expect(
      (await validate(threeZones({ vcenter: { version: '8.0' }, policy: { zonal: true } }))).errors,
    ).toEqual([])
  })

  it('refuses VMs (VM Service) and TKCs (only v1alpha1, which the lab does not write) on 7.0U1', async () => {
    const t = smallLab({
      vcenter: { version: '7.0U1' },
      nodes: [
        { kind: 'vm', id: 'vm-1', spec: { image: 'ubuntu' } },
        { kind: 'tkc', id: 'tkc-1' },
      ],
    })
    const { errors } = await validate(t)
    expect(errors.filter((e) => e.code === 'api-not-served-by-version').map((e) => e.message)).toEqual([
      'vCenter 7.0U1 does not serve run.tanzu.vmware.com/v1alpha3 TanzuKubernetesCluster (from 8.0) or run.tanzu.vmware.com/v1alpha2 TanzuKubernetesCluster (from 7.0U3); it serves run.tanzu.vmware.com/v1alpha1 TanzuKubernetesCluster, which the lab does not write',
      'vCenter 7.0U1 has no VM Service (VirtualMachine objects) (it arrives with 7.0U2a): kubectl would answer "no matches for kind VirtualMachine"',
    ])
    const { status } = finalState(t)
    expect([status('vm-1'), status('tkc-1')]).toEqual(['Failed', 'Failed'])
  })

  it('writes VMs and clusters in the newest versions the vCenter serves, and refuses one it does not', () => {
    const t = smallLab({
      vcenter: { version: '7.0U3' },
      nodes: [
        { kind: 'vm', id: 'vm-1', spec: { image: 'ubuntu' } },
        { kind: 'tkc', id: 'tkc-1' },
      ],
    })
    const yaml = exportLab(doc(t)).files.find((f) => f.path === 'manifests.yaml')?.content ?? ''
    expect(yaml).toContain('apiVersion: vmoperator.vmware.com/v1alpha1')
    expect(yaml).toContain('apiVersion: run.tanzu.vmware.com/v1alpha2')
    const refused = exportLab(doc(t), { vmApi: 'v1alpha3' })
    expect(refused.files).toEqual([])
    expect(refused.problems.map((p) => p.message)).toContain(
      'vCenter 7.0U3 does not serve vmoperator.vmware.com/v1alpha3 (it serves v1alpha1)',
    )
  })

  it('refuses one control-plane VM before 9.0', async () => {
    const { errors } = await validate(
      smallLab({ vcenter: { version: '7.0U1' }, supervisor: { controlPlaneCount: 1 } }),
    )
    expect(errors.map((e) => e.message)).toEqual([
      'Supervisor "supervisor": vCenter 7.0U1 has no Supervisors with one control-plane VM (it arrives with 9.0)',
    ])
    expect(
      (await validate(smallLab({ vcenter: { version: '9.0' }, supervisor: { controlPlaneCount: 1 } }))).code,
    ).toBe(0)
  })
})

describe('ReadWriteMany volumes are vSAN file volumes', () => {
  const rwx: NodeInput = { kind: 'pvc', id: 'pvc-1', spec: { accessMode: 'ReadWriteMany' } }

  it('do not bind without vSAN File Services, and say so first in validate', async () => {
    const t = smallLab({ cluster: { vsan: true }, hosts: [{}, {}, {}, {}], nodes: [rwx] })
    expect((await validate(t)).errors.map((e) => e.message)).toEqual([
      'PVC "pvc-1" asks for ReadWriteMany, which needs vSAN File Services; cluster "cluster" has them off',
    ])
    const { status, reason } = finalState(t)
    expect(status('pvc-1')).toBe('Failed')
    expect(reason('pvc-1')).toContain('vSAN File Services')
  })

  it('do not bind on a three-zone Supervisor', async () => {
    const t = threeZones({ policy: { zonal: true }, nodes: [rwx] })
    expect((await validate(t)).errors.map((e) => e.code)).toEqual(['file-volume-unsupported'])
    expect(finalState(t).status('pvc-1')).toBe('Failed')
  })

  it('bind on one zone with vSAN File Services', async () => {
    const t = smallLab({
      cluster: { vsan: true, vsanFileServices: true },
      hosts: [{}, {}, {}, {}],
      nodes: [rwx],
    })
    expect((await validate(t)).code).toBe(0)
    expect(finalState(t).status('pvc-1')).toBe('Bound')
  })
})
