import { readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'

import { describe, expect, it } from 'vitest'

import { loadDemoLab } from '../../src/node/demo-lab'
import { readLabTextFile } from '../../src/node/lab-text'
import { exportLab } from '../../src/node/manifests/manifest-handlers'
import { createVcenterValidator, vcenterSchemasDir } from '../../src/node/manifests/vcenter-schema-check'
import type { LabDocument } from '../../src/shared/domain/lab-document'
import { vcenterApiShape } from '../../src/shared/domain/vcenter-api-shape'
import { exportFiles } from '../../src/shared/manifests/export-files'
import { parseIpv4 } from '../../src/shared/manifests/ipv4'
import type { VcenterRequest } from '../../src/shared/manifests/vcenter-requests'
import { sampleLabs } from './sample-labs'

const validate = createVcenterValidator()
const requestsOf = (lab: LabDocument) => exportFiles(lab.topology, lab.name, { format: 'dir' }).requests
const fixture = (name: string) => requestsOf(readLabTextFile(`test/fixtures/labs/${name}.lab.yaml`))
const body = (r: VcenterRequest | undefined) => r?.body ?? {}
/** The value at a dotted path of a request body (list items by index). */
function at(r: VcenterRequest | undefined, path: string): unknown {
  return path
    .split('.')
    .reduce<unknown>(
      (v, k) => (v && typeof v === 'object' ? (v as Record<string, unknown>)[k] : undefined),
      body(r),
    )
}

describe('vCenter requests in the API shape of each version', () => {
  it.each(sampleLabs())('every request body of $name validates against its vSphere API schema', ({ lab }) => {
    const requests = requestsOf(lab)
    expect(requests.length).toBeGreaterThan(0)
    for (const r of requests)
      expect({ file: r.file, issues: validate(r) }).toEqual({ file: r.file, issues: [] })
    expect(
      exportLab(lab, { format: 'dir' }).problems.filter((p) => p.code === 'vcenter-request-invalid'),
    ).toEqual([])
  })

  it('picks the API by vCenter version: 7.0 per cluster, 8.0 Supervisors, count from 9.1', () => {
    expect(vcenterApiShape('7.0U3')).toMatchObject({ enable: 'clusters', controlPlaneCount: false })
    expect(vcenterApiShape('8.0U3')).toMatchObject({ enable: 'supervisors', controlPlaneCount: false })
    expect(vcenterApiShape('9.0')).toMatchObject({ enable: 'supervisors', controlPlaneCount: false })
    expect(vcenterApiShape('9.1')).toMatchObject({ enable: 'supervisors', controlPlaneCount: true })
    expect(vcenterApiShape('not a version').schemaSet).toBe('8.0')
  })

  it('enables a 7.0 Supervisor per cluster, with VDS, HAProxy, node ranges, gateway and service CIDR', () => {
    const [enable, ns] = fixture('vds-haproxy-7.0')
    expect(enable?.path).toBe(
      '/api/vcenter/namespace-management/clusters/<MoID of cluster cluster-a>?action=enable',
    )
    expect(at(enable, 'service_cidr')).toEqual({ address: '10.96.0.0', prefix: 23 })
    const primary = 'workload_networks_spec.supervisor_primary_workload_network'
    expect(at(enable, `${primary}.vsphere_network`)).toMatchObject({
      gateway: '192.168.20.1',
      subnet_mask: '255.255.255.0',
      address_ranges: [{ address: '192.168.20.2', count: 253 }],
    })
    expect(at(enable, 'load_balancer_config_spec.ha_proxy_config_create_spec')).toEqual({
      servers: [{ host: '<HAProxy data plane API address>', port: 5556 }],
      username: '<HAProxy data plane API user>',
      password: '<HAProxy data plane API password>',
      certificate_authority_chain: '<PEM certificate authority chain of the HAProxy data plane API>',
    })
    expect(at(enable, 'control_plane')).toBeUndefined()
    expect(at(ns, 'networks')).toEqual([at(enable, `${primary}.network`)])
  })

  it('enables a three-zone Supervisor on its zones and creates its namespaces by Supervisor', () => {
    const [enable, ns] = fixture('vds-avi-three-zones-8.0')
    expect(enable?.path).toBe('/api/vcenter/namespace-management/supervisors?action=enable_on_zones')
    expect(at(enable, 'zones')).toHaveLength(3)
    expect(at(enable, 'workloads.edge.provider')).toBe('NSX_ADVANCED')
    expect(at(enable, 'workloads.network.ip_management')).toMatchObject({
      gateway_address: '10.2.0.1/21',
      ip_assignments: [{ assignee: 'NODE' }, { assignee: 'SERVICE' }],
    })
    expect(ns?.path).toBe('/api/vcenter/namespaces/instances/v2')
    expect(at(ns, 'supervisor')).toBe('<id of Supervisor supervisor-zones>')
  })

  it('sends control_plane.count only where the API has it, and the NSX override under namespace_network', () => {
    const [enable91, ns] = fixture('nsx-override-9.1')
    expect(at(enable91, 'control_plane.count')).toBe(1)
    expect(at(requestsOf(loadDemoLab())[0], 'control_plane.count')).toBeUndefined()
    expect(at(ns, 'networks')).toBeUndefined()
    expect(at(ns, 'namespace_network')).toEqual({
      network_provider: 'NSXT_CONTAINER_PLUGIN',
      network: {
        namespace_network_cidrs: [{ address: '10.250.0.0', prefix: 20 }],
        ingress_cidrs: [{ address: '10.251.0.0', prefix: 24 }],
        egress_cidrs: [{ address: '10.252.0.0', prefix: 27 }],
        nsx_tier0_gateway: '<NSX id of tier-0 gateway t0-payments>',
      },
    })
  })

  it.each(sampleLabs())('puts the floating IP inside the five management addresses ($name)', ({ lab }) => {
    for (const r of requestsOf(lab).filter((q) => q.file.includes('enable-supervisor'))) {
      const v8 = at(r, 'control_plane') !== undefined
      const start = String(
        v8
          ? at(r, 'control_plane.network.ip_management.ip_assignments.0.ranges.0.address')
          : at(r, 'master_management_network.address_range.starting_address'),
      )
      const floating = String(
        v8
          ? at(r, 'control_plane.network.floating_ip_address')
          : at(r, 'master_management_network.floating_IP'),
      )
      const [from, ip] = [parseIpv4(start), parseIpv4(floating)]
      expect(ip - from).toBeGreaterThanOrEqual(0)
      expect(ip - from).toBeLessThan(5)
    }
  })

  it('refuses the shapes the API does not have', () => {
    const [, ns] = fixture('nsx-override-9.1')
    const old = {
      ...body(ns),
      networks: [{ network: 'x', network_provider: 'NSXT_CONTAINER_PLUGIN', nsx_network: {} }],
    }
    expect(validate({ schema: 'namespaces-instances-create-spec.json', body: old })).not.toEqual([])
    const [demoEnable] = requestsOf(loadDemoLab())
    const controlPlane = at(demoEnable, 'control_plane') as Record<string, unknown>
    const withCount = { ...body(demoEnable), control_plane: { ...controlPlane, count: 3 } }
    expect(validate({ schema: demoEnable?.schema ?? '', body: withCount })).toEqual([
      { path: 'control_plane', message: 'has "count", which the API type does not' },
    ])
  })

  it('keeps every schema closed and every property cited', () => {
    const files = readdirSync(vcenterSchemasDir(), { recursive: true, encoding: 'utf8' }).filter((f) =>
      f.endsWith('.json'),
    )
    expect(files.length).toBe(14)
    const walk = (node: unknown, where: string) => {
      if (typeof node !== 'object' || node === null) return
      const o = node as Record<string, unknown>
      if (o.type === 'object') {
        expect(o.additionalProperties, where).toBe(false)
        for (const [k, p] of Object.entries(o.properties as Record<string, Record<string, unknown>>))
          expect(p.$comment, `${where}.${k}`).toMatch(
            /^(govmomi|govmomi-v2|perl-sdk|python-sdk-2024|api-90|api-svc): /,
          )
      }
      for (const [k, v] of Object.entries(o)) walk(v, `${where}/${k}`)
    }
    for (const f of files) walk(JSON.parse(readFileSync(join(vcenterSchemasDir(), f), 'utf8')), f)
  })
})
