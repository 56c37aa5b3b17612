import { describe, expect, it } from 'vitest'

import { smallLab } from '../../src/shared/domain/small-lab'
import { plan } from '../../src/shared/engine/plan'
import { field, final, texts, vm } from '../fixtures/engine-labs'

const vpcNetwork = { type: 'nsx-vpc', loadBalancer: 'nsx', namespaceCidr: '172.26.0.0/16', subnetPrefix: 27 }

describe('NSX VPC in the run', () => {
  const t = smallLab({
    vcenter: { version: '9.0' },
    network: vpcNetwork,
    nodes: [
      {
        kind: 'namespace',
        id: 'ns-2',
        spec: { storage: [{ policy: 'gold' }], vmClasses: ['best-effort-small'], contentLibraries: ['lib'] },
      },
      vm('vm-1'),
      { ...vm('vm-2'), parentId: 'ns-2' },
      {
        kind: 'service',
        id: 'svc-1',
        spec: { type: 'LoadBalancer', ports: [{ port: 443, targetPort: 443 }] },
      },
    ],
  })
  const run = plan(t, undefined, 1)

  it('gives each namespace a VPC of its own, made by nsx-operator: no NCP, no Tier-1', () => {
    const network = run.steps.filter((s) => s.action === 'namespace-network')
    expect(network.map((s) => s.actor)).toEqual(['nsx-operator', 'nsx-operator'])
    expect(network[0]!.text).toContain('private CIDR 172.26.0.0/16, private to this VPC')
    expect(run.steps.some((s) => s.actor === 'ncp' || s.target === 'ncp')).toBe(false)
    expect(texts(run)).not.toContain('Tier-1 gateway (linked')
    // Each VPC has its own pools: the same private address serves both namespaces (assumed).
    expect(field(run, 'objects', 'vm-1', 'ipPool')).toBe('ns-1/pool/segment')
    expect(field(run, 'objects', 'vm-2', 'ipPool')).toBe('ns-2/pool/segment')
    expect(field(run, 'objects', 'vm-1', 'ip')).toBe(field(run, 'objects', 'vm-2', 'ip'))
    // The default SNAT IP of each VPC comes from the external block (the egress range; assumed).
    expect(field(run, 'objects', 'ns-1', 'snatPool')).toBe('sv-1/pool/egress')
    expect(field(run, 'objects', 'ns-2', 'snat')).not.toBe(field(run, 'objects', 'ns-1', 'snat'))
  })

  it('attaches VMs to a VPC subnet (SubnetSet) and publishes a LoadBalancer on the VPC load balancer', () => {
    expect(run.steps.find((s) => s.object === 'vm-1' && s.action === 'vm-network')?.text).toContain(
      "a private subnet of the namespace's VPC (network kind SubnetSet",
    )
    const vip = run.steps.find((s) => s.object === 'svc-1' && s.action === 'service-vip')!
    expect(vip.actor).toBe('nsx-operator')
    expect(vip.text).toContain("the VPC's NSX load balancer")
    expect(vip.text).toContain('assumed')
    expect(final(run, 'svc-1').status).toBe('Running')
  })
})

describe('VM conditions as the served vm-operator version names them', () => {
  const conditions = (version: string) => {
    const run = plan(smallLab({ vcenter: { version }, nodes: [vm('vm-1')] }), undefined, 1)
    return run.steps.filter((s) => s.object === 'vm-1').map((s) => s.text)
  }

  it('v1alpha1 on 7.0 U3: one VirtualMachinePrereqReady condition and the Created phase', () => {
    const t = conditions('7.0U3')
    expect(t.find((x) => x.includes('prerequisites'))).toContain(
      '(vm-operator v1alpha1): VirtualMachinePrereqReady',
    )
    expect(t.join('\n')).not.toContain('VirtualMachineNetworkReady')
    expect(t.join('\n')).toContain('phase Created')
  })

  it('v1alpha5 on 9.0: a condition per prerequisite, and the v1alpha4/5 synced conditions', () => {
    const t = conditions('9.0').join('\n')
    expect(t).toContain('(vm-operator v1alpha5): VirtualMachineClassReady, VirtualMachineImageReady')
    expect(t).toContain('VirtualMachineNetworkReady')
    expect(t).toContain('VirtualMachineCreated')
    expect(t).toContain('VirtualMachineClassConfigurationSynced, VirtualMachineDiskPromotionSynced')
  })

  it('an imported VM keeps the version it was read in, where the vCenter serves it', () => {
    const run = plan(
      smallLab({
        vcenter: { version: '9.0' },
        nodes: [
          vm('vm-1', 'best-effort-small', {
            extra: { apiVersion: 'vmoperator.vmware.com/v1alpha4', kind: 'VirtualMachine' },
          }),
        ],
      }),
      undefined,
      1,
    )
    expect(texts(run)).toContain('(vm-operator v1alpha4)')
  })
})
