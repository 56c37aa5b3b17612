import { describe, expect, it } from 'vitest'

import { loadSample } from '../../src/node/demo-lab'
import { clusterClassFor } from '../../src/shared/domain/defaults'
import { resolveTopology } from '../../src/shared/domain/resolve'
import { platformNotes } from '../../src/shared/domain/rules/platform-notes'
import { effectiveVersion, nearestProfile } from '../../src/shared/domain/rules/vcenter-versions'
import { smallLab, type NodeInput } from '../../src/shared/domain/small-lab'
import type { Topology } from '../../src/shared/domain/topology'
import { validateTopology } from '../../src/shared/domain/validation/validate'
import { vcenterApiShape } from '../../src/shared/domain/vcenter-api-shape'

const problems = (t: Topology, severity = 'error') =>
  validateTopology(t)
    .filter((p) => p.severity === severity)
    .map((p) => `${p.code}@${p.objectId}: ${p.message}`)
const onVersion = (t: Topology, version: string): Topology => ({
  ...t,
  nodes: t.nodes.map((n) => (n.kind === 'vcenter' ? { ...n, spec: { ...n.spec, version } } : n)),
})
const svc = (id: string, service: string, version = ''): NodeInput => ({
  kind: 'supervisor-service',
  id,
  spec: { service, version },
})

describe('platform profiles', () => {
  it('reads a version it does not know as the newest known one before it, and names the nearest profile', () => {
    expect(effectiveVersion('9.1')).toBe('9.0')
    expect(effectiveVersion('8.0U3g')).toBe('8.0U3')
    expect(effectiveVersion('no version')).toBe('8.0U3')
    expect(nearestProfile('8.0U1').version).toBe('8.0U2')
    expect(nearestProfile('7.0U1').version).toBe('7.0U3')
    const warned = validateTopology(smallLab({ vcenter: { version: '9.1' } })).find(
      (p) => p.code === 'vcenter-version-unknown',
    )
    expect(warned).toMatchObject({ severity: 'warning', objectId: 'vc-1' })
    expect(warned?.message).toContain(
      'reads it as 9.0 (nearest platform profile: VMware Cloud Foundation 9.0, 9.0)',
    )
    expect(problems(smallLab({ vcenter: { version: '8.0U1' } }), 'info')).toContain(
      'vcenter-version-between-profiles@vc-1: vCenter "vcenter" runs 8.0U1, which is no platform profile; the lab reads its own row of the feature table (nearest profile: vSphere 8.0 Update 2, 8.0U2)',
    )
  })

  it('decides the request shapes: services per cluster before 9.0, per Supervisor from 9.0', () => {
    expect(vcenterApiShape('7.0U3')).toMatchObject({ servicesBySupervisor: false, carvelServices: false })
    expect(vcenterApiShape('8.0U3')).toMatchObject({ servicesBySupervisor: false, carvelServices: true })
    expect(vcenterApiShape('9.0')).toMatchObject({ servicesBySupervisor: true, schemaSet: '9.0' })
  })
})

describe('the VCF 9 samples', () => {
  it.each(['vcf9-zones', 'vcf9-services'])('%s has no error or warning on 9.0', (name) => {
    const t = loadSample(name).topology
    expect([...problems(t), ...problems(t, 'warning')]).toEqual([])
  })

  it('on 7.0U3 are refused with one problem per feature the version lacks', () => {
    const zones = problems(onVersion(loadSample('vcf9-zones').topology, '7.0U3'))
    expect(zones).toEqual([
      'feature-not-in-version@sv-1: Supervisor "supervisor-3az": vCenter 7.0U3 has no three-zone Supervisors (vSphere Zones) (it arrives with 8.0)',
      'feature-not-in-version@svc-vks: Supervisor Service "vks", Cluster "prod-k8s" (ClusterClass builtin-generic-v3.4.0): vCenter 7.0U3 has no vSphere Kubernetes Service (VKS) as a Supervisor Service (it arrives with 8.0U3)',
      'feature-not-in-version@tkc-2: Cluster "dev-k8s": vCenter 7.0U3 has no cluster.x-k8s.io/v1beta1 Cluster (it arrives with 8.0)',
    ])
    const services = problems(onVersion(loadSample('vcf9-services').topology, '7.0U3'))
    expect(
      services.map((p) => p.replace(/:.*vCenter 7.0U3 has no /, ': ').replace(/ \(it arrives.*/, '')),
    ).toEqual([
      'feature-not-in-version@sv-1: NSX VPC networking',
      'feature-not-in-version@svc-contour: Contour (Kubernetes Ingress Controller Service)',
      'feature-not-in-version@svc-dns: ExternalDNS (External DNS Service)',
      'feature-not-in-version@svc-harbor: Harbor (Cloud Native Registry Service)',
      'feature-not-in-version@svc-vks: vSphere Kubernetes Service (VKS) as a Supervisor Service',
      'feature-not-in-version@tkc-1: cluster.x-k8s.io/v1beta1 Cluster',
    ])
  })
})

describe('Supervisor Services', () => {
  it('run on single-zone Supervisors, on VDS from 8.0 U1, one version each', () => {
    const vds = smallLab({
      vcenter: { version: '8.0' },
      network: { type: 'vds', loadBalancer: 'haproxy' },
      nodes: [svc('h', 'harbor'), svc('h2', 'harbor'), svc('v', 'velero', 'v9.9.9')],
    })
    expect(problems(vds)).toEqual([
      'feature-not-in-version@h: Supervisor Service "h", Supervisor Service "h2", Supervisor Service "v": vCenter 8.0 has no Supervisor Services on VDS networking (it arrives with 8.0U1)',
      'service-installed-twice@h2: Supervisor Service "h2" installs Harbor (Cloud Native Registry Service) again on Supervisor "supervisor" ("h" does already); one version of a service runs per Supervisor',
    ])
    expect(problems(vds, 'warning')).toEqual([
      expect.stringMatching(
        /^supervisor-service-version-unknown@v: .* v9\.9\.9, which the Supervisor-Services catalogue does not list/,
      ),
    ])
  })
})

describe('NSX VPC', () => {
  it('takes NSX or Avi load balancers, a private CIDR of 16 addresses or more, and no Tier-0 override', () => {
    const t = smallLab({
      vcenter: { version: '9.0' },
      network: { type: 'nsx-vpc', loadBalancer: 'haproxy', namespaceCidr: '172.26.0.0/29' },
      namespace: { networkOverride: { t0Gateway: 't0-b' } },
    })
    expect(problems(t).map((p) => p.split(':')[0])).toEqual([
      'network-load-balancer-mismatch@net-1',
      'vpc-private-cidr-too-small@net-1',
      'vpc-override-not-applicable@ns-1',
    ])
  })
})

describe('VKS clusters', () => {
  const cluster = (spec: Record<string, unknown>): NodeInput => ({
    kind: 'tkc',
    id: 'k',
    spec: { api: 'capi', version: 'v1.31.4---vmware.1-fips-vkr.3', ...spec },
  })
  it('take tanzukubernetescluster on 8.0U3 and the newest builtin-generic class VKS publishes on 9.0', () => {
    const r = (t: Topology) => resolveTopology(t)
    const at = (t: Topology, release = 'v1.31.4---vmware.1-fips-vkr.3') =>
      clusterClassFor(
        r(t),
        'sv-1',
        t.nodes.find((n) => n.kind === 'vcenter')?.spec['version'] as string,
        '',
        release,
        'x',
      )
    expect(at(smallLab())).toMatchObject({ ok: true, value: { name: 'tanzukubernetescluster' } })
    expect(at(smallLab({ vcenter: { version: '9.0' } }))).toMatchObject({ ok: false })
    const withVks = smallLab({ vcenter: { version: '9.0' }, nodes: [svc('vks', 'vks', '3.3.3')] })
    expect(at(withVks)).toMatchObject({ ok: true, value: { name: 'builtin-generic-v3.3.0' } })
  })

  it('need the VKS that publishes their class, a release in its window and zones for failure domains', () => {
    const t = smallLab({
      vcenter: { version: '9.0' },
      nodes: [
        svc('vks', 'vks', '3.3.0'),
        cluster({
          clusterClass: 'builtin-generic-v3.4.0',
          version: 'v1.35.1---vmware.1-vkr.1',
          nodePools: [{ name: 'np', replicas: 1, vmClass: 'best-effort-small', failureDomain: 'zone-x' }],
        }),
      ],
    })
    expect(problems(t).map((p) => p.split(':')[0])).toEqual([
      'cluster-class@k',
      'cluster-class@k',
      'failure-domain@k',
    ])
  })
})

describe('what the inspector says a node rests on', () => {
  it('names the profile and labels what no source confirms', () => {
    const t = loadSample('vcf9-services').topology
    const r = resolveTopology(t)
    const notesOf = (id: string) =>
      platformNotes(
        r,
        t.nodes.find((n) => n.id === id)!,
      )
    expect(notesOf('vc-1')).toEqual([
      'Platform profile: VMware Cloud Foundation 9.0; the Supervisor is called "vSphere Supervisor" there.',
    ])
    expect(notesOf('svc-harbor').join(' ')).toContain('Unverified: the service identifier')
    expect(notesOf('net-1').join(' ')).toContain('(unverified)')
    expect(notesOf('tkc-1')[0]).toBe(
      'ClusterClass builtin-generic-v3.4.0 (namespace vmware-system-vks-public).',
    )
    expect(notesOf('vm-1')[0]).toMatch(/^Written as vmoperator.vmware.com\/v1alpha5 .*unverified/)
  })
})
