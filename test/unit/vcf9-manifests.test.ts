import { describe, expect, it } from 'vitest'

import { loadSample } from '../../src/node/demo-lab'
import { exportLab, importIntoLab } from '../../src/node/manifests/manifest-handlers'
import { applyBatch } from '../../src/shared/domain/edits'
import type { SpecOf } from '../../src/shared/domain/specs'

/**
 * The VCF 9 samples export every object in a form its real CRD or schema accepts (VMs in
 * vm-operator v1alpha4 and v1alpha5, Clusters of builtin-generic classes with failure domains,
 * the Supervisor Services' namespaces), and their export imports back unchanged.
 */
const names = ['vcf9-zones', 'vcf9-services'] as const

describe('VCF 9 export and import', () => {
  it.each(
    names.flatMap((name) => (['v1alpha4', 'v1alpha5'] as const).map((vmApi) => [name, vmApi] as const)),
  )('%s exports in VM Service %s, every object checked against its CRD', (name, vmApi) => {
    const { files, problems } = exportLab(loadSample(name), { vmApi, format: 'dir' })
    expect(problems).toEqual([])
    const vm = files.find((f) => /virtualmachine-(jumpbox|web-vm)\.yaml$/.test(f.path))
    expect(vm?.content).toContain(`apiVersion: vmoperator.vmware.com/${vmApi}`)
  })

  it('writes a VKS cluster with its class, class namespace and a failure domain per pool', () => {
    const { files } = exportLab(loadSample('vcf9-zones'), { format: 'dir' })
    const prod = files.find((f) => f.path.endsWith('cluster-prod-k8s.yaml'))?.content ?? ''
    expect(prod).toContain('class: builtin-generic-v3.4.0')
    expect(prod).toContain('classNamespace: vmware-system-vks-public')
    for (const zone of ['zone-a', 'zone-b', 'zone-c']) expect(prod).toContain(`failureDomain: ${zone}`)
  })

  it.each(names)('%s: its export, imported, gives a lab whose export imports back unchanged', (name) => {
    const lab = loadSample(name)
    // The first import writes down what the lab left to defaults (classes, API versions).
    const first = importIntoLab(lab, exportLab(lab).files)
    if (!first.ok || !first.batch) throw new Error(JSON.stringify(first))
    const imported = { ...lab, topology: applyBatch(lab.topology, first.batch) }
    const again = importIntoLab(imported, exportLab(imported).files)
    expect(again.ok && again.batch).toBe(null)
  })

  it('reads a VM in v1alpha5 and a builtin-generic Cluster into a lab that had neither', () => {
    const lab = loadSample('vcf9-zones')
    const files = exportLab(lab, { vmApi: 'v1alpha5' }).files
    const empty = {
      ...lab.topology,
      nodes: lab.topology.nodes.filter((n) => n.kind !== 'vm' && n.kind !== 'tkc'),
    }
    const result = importIntoLab({ topology: empty }, files)
    if (!result.ok || !result.batch) throw new Error(JSON.stringify(result))
    const after = applyBatch(empty, result.batch)
    const prod = after.nodes.find((n) => n.name === 'prod-k8s')?.spec as SpecOf<'tkc'>
    expect(prod.clusterClass).toBe('builtin-generic-v3.4.0')
    expect(prod.nodePools.map((p) => p.failureDomain)).toEqual(['zone-a', 'zone-b', 'zone-c'])
    const vm = after.nodes.find((n) => n.name === 'jumpbox')?.spec as SpecOf<'vm'>
    expect(vm.extra?.apiVersion).toBe('vmoperator.vmware.com/v1alpha5')
  })
})
