import { describe, expect, it } from 'vitest'

import { smallLab, type NodeInput } from '../../src/shared/domain/small-lab'
import { plan } from '../../src/shared/engine/plan'
import { validateLab } from '../../src/shared/engine/validate-lab'
import { field, final, texts, threeZoneLab, vdsNetwork } from '../fixtures/engine-labs'

const svc = (id: string, service: string, version = ''): NodeInput => ({
  kind: 'supervisor-service',
  id,
  spec: { service, version },
})

const stepsOf = (run: ReturnType<typeof plan>, id: string) => run.steps.filter((s) => s.object === id)

describe('Supervisor Services in the run', () => {
  it('register, install, get an svc- namespace and run their pods on the Supervisor hosts, with an endpoint VIP', () => {
    const t = smallLab({ vcenter: { version: '8.0U3' }, nodes: [svc('svc-h', 'harbor')] })
    const run = plan(t, undefined, 1)
    expect(final(run, 'svc-h').status).toBe('Running')
    const own = stepsOf(run, 'svc-h').map((s) => s.action)
    expect(own.slice(0, 3)).toEqual(['service-register', 'service-install', 'namespace-network'])
    // Before 9.0 a service is installed per cluster (ClusterSupervisorServices).
    expect(texts(run)).toContain(
      'POST /api/vcenter/namespace-management/clusters/{cluster}/supervisor-services',
    )
    expect(texts(run)).toContain('svc-harbor-domain-c1')
    const pods = run.steps.filter((s) => s.action === 'service-pod')
    expect(pods).toHaveLength(6)
    for (const s of pods) {
      expect(s.placement?.chosen).toMatch(/^host-/)
      expect(field(run, 'objects', s.object, 'ipPool')).toBe('svc-h/pool/segment')
    }
    expect(field(run, 'objects', 'svc-h', 'vipPool')).toBe('sv-1/pool/ingress')
    // Every pod holds its reservation on the host it was placed on.
    const host = String(field(run, 'objects', pods[0]!.object, 'host'))
    expect(Number(field(run, 'hosts', host, 'podCpuMillis'))).toBeGreaterThanOrEqual(250)
  })

  it('install per Supervisor from 9.0; VKS runs on the control plane and publishes its classes', () => {
    const t = smallLab({
      vcenter: { version: '9.0' },
      nodes: [svc('svc-vks', 'vks', '3.4.0'), svc('svc-c', 'contour')],
    })
    const run = plan(t, undefined, 1)
    expect(texts(run)).toContain(
      'POST /api/vcenter/namespace-management/supervisors/{supervisor}/supervisor-services',
    )
    expect(final(run, 'svc-vks').status).toBe('Running')
    expect(run.steps.filter((s) => s.object.startsWith('svc-vks/'))).toEqual([])
    expect(stepsOf(run, 'svc-vks').at(-1)?.text).toContain('builtin-generic-v3.4.0')
    // VKS, the core service, comes first.
    expect(run.steps.findIndex((s) => s.object === 'svc-vks')).toBeLessThan(
      run.steps.findIndex((s) => s.object === 'svc-c'),
    )
  })

  it('run on VDS from 8.0 U1, with a Spherelet on each host for their vSphere Pods only', () => {
    const t = smallLab({
      vcenter: { version: '8.0U3' },
      network: vdsNetwork('haproxy'),
      nodes: [svc('svc-d', 'external-dns')],
    })
    const run = plan(t, undefined, 1)
    expect(final(run, 'svc-d').status).toBe('Running')
    expect(final(run, 'host-1/spherelet').status).toBe('Running')
    expect(texts(run)).toContain('its vSphere Pods run only the Supervisor Services')
    // Without a service, VDS hosts get no Spherelet (vSphere Pods are not for general use there).
    const bare = plan(
      smallLab({ vcenter: { version: '8.0U3' }, network: vdsNetwork('haproxy') }),
      undefined,
      1,
    )
    expect(final(bare, 'host-1/spherelet').status).toBe('Absent')
  })

  it('are refused where the rules refuse them, and validate lists each such problem once', () => {
    const t = threeZoneLab({ vcenter: { version: '9.0' }, nodes: [svc('svc-h', 'harbor')] })
    const run = plan(t, undefined, 1)
    expect(final(run, 'svc-h').status).toBe('Failed')
    expect(stepsOf(run, 'svc-h')[0]?.failure?.code).toBe('supervisor-service-refused')
    const problems = validateLab(t).filter((p) => p.objectId === 'svc-h' && p.severity === 'error')
    expect(problems.map((p) => p.code)).toEqual(['service-on-three-zones'])
  })

  it('replace a pod lost with its host on another host', () => {
    const t = smallLab({ vcenter: { version: '8.0U3' }, nodes: [svc('svc-d', 'external-dns')] })
    const first = plan(t, undefined, 1)
    const pod = first.steps.find((s) => s.action === 'service-pod')!
    const host = String(field(first, 'objects', pod.object, 'host'))
    const hostName = t.nodes.find((n) => n.id === host)!.name
    const run = plan(t, undefined, 1, [
      { kind: 'host-failure', target: hostName, atSeq: first.steps.length + 1 },
    ])
    expect(final(run, pod.object).status).toBe('Deleted')
    const again = run.steps.filter((s) => s.action === 'service-pod').at(-1)!
    expect(again.object).not.toBe(pod.object)
    expect(again.placement?.chosen).not.toBe(host)
    expect(final(run, again.object).status).toBe('Running')
    // (A Supervisor control-plane VM of a three-host cluster waits for a host: its rule is hard.)
    expect(run.summary.problems.filter((p) => p.object.startsWith('svc-d'))).toEqual([])
  })
})
