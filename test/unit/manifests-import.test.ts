import { readFileSync } from 'node:fs'

import { describe, expect, it } from 'vitest'

import { loadDemoLab } from '../../src/node/demo-lab'
import { exportLab, importIntoLab } from '../../src/node/manifests/manifest-handlers'
import { applyBatch } from '../../src/shared/domain/edits'
import { formatExtraPath } from '../../src/shared/domain/extra-fields'
import type { SpecOf } from '../../src/shared/domain/specs'

const demo = loadDemoLab()
const fixture = (name: string) => ({
  path: `test/fixtures/manifests/${name}`,
  content: readFileSync(`test/fixtures/manifests/${name}`, 'utf8'),
})

function importOk(...files: { path: string; content: string }[]) {
  const result = importIntoLab(demo, files)
  if (!result.ok) throw new Error(JSON.stringify(result.errors))
  const topology = result.batch ? applyBatch(demo.topology, result.batch) : demo.topology
  const node = (kind: string, name: string) => topology.nodes.find((n) => n.kind === kind && n.name === name)
  return { result, topology, node }
}

function importErrors(content: string, path = 'bad.yaml') {
  const result = importIntoLab(demo, [{ path, content }])
  expect(result.ok).toBe(false)
  return result.ok ? [] : result.errors
}

describe('import of real-world manifests', () => {
  it('places pods, claims, deployments and LoadBalancer services in their namespace', () => {
    const { node, result } = importOk(fixture('real-world.yaml'))
    const web = node('pod', 'web')
    expect(web?.parentId).toBe('ns-1')
    const spec = web?.spec as SpecOf<'pod'>
    expect(spec.containers.map((c) => c.name)).toEqual(['nginx', 'sidecar'])
    expect(spec.containers[0]?.requests).toEqual({ cpu: 500, memory: 512 })
    expect(spec.volumes).toEqual([{ name: 'data', claimName: 'web-data' }])
    expect((node('pvc', 'web-data')?.spec as SpecOf<'pvc'>).sizeMiB).toBe(20 * 1024)
    expect((node('deployment', 'api')?.spec as SpecOf<'deployment'>).replicas).toBe(3)
    expect((node('service', 'api-lb')?.spec as SpecOf<'service'>).type).toBe('LoadBalancer')
    expect(result.ok && result.batch?.edits.length).toBe(1)
  })

  it('keeps a custom resource the lab does not model and exports it unchanged', () => {
    const { node, topology } = importOk(fixture('real-world.yaml'))
    const cert = node('opaque', 'api-tls')
    expect((cert?.spec as SpecOf<'opaque'>).manifest.kind).toBe('Certificate')
    const yaml = exportLab({ name: demo.name, topology }).files[0]?.content ?? ''
    expect(yaml).toContain(
      [
        'apiVersion: cert-manager.io/v1',
        'kind: Certificate',
        'metadata:',
        '  name: api-tls',
        '  namespace: finance',
        'spec:',
        '  secretName: api-tls',
        '  dnsNames:',
        '    - api.finance.corp.local',
      ].join('\n'),
    )
  })

  it('reads VirtualMachines of v1alpha1, v1alpha2 and v1alpha3', () => {
    const { node } = importOk(fixture('vms.yaml'))
    expect(node('vm', 'db-old')?.spec).toMatchObject({
      className: 'best-effort-small',
      powerState: 'PoweredOff',
    })
    expect(node('vm', 'db-mid')?.spec).toMatchObject({ image: 'photon-5', powerState: 'PoweredOn' })
    expect(node('vm', 'db-new')?.spec).toMatchObject({
      image: 'vmi-0a0044d7c690bcbea',
      powerState: 'Suspended',
    })
  })

  it('keeps what the lab does not model and writes it back, without a warning', () => {
    const { result, node, topology } = importOk(fixture('vms.yaml'))
    expect(result.ok && result.warnings).toEqual([])
    const extra = (node('vm', 'db-new')?.spec as SpecOf<'vm'>).extra
    expect(extra?.fields.map((f) => formatExtraPath(f.path))).toEqual(['metadata.labels', 'spec.bootstrap'])
    const yaml = exportLab({ name: demo.name, topology }).files[0]?.content ?? ''
    expect(yaml).toContain('      rawCloudConfig:\n        name: db-new-userdata\n        key: user-data')
  })

  it('keeps a Cluster network other than the one the lab writes', () => {
    const content = readFileSync('test/fixtures/manifests/clusters.yaml', 'utf8').replace(
      'pods: {cidrBlocks: ["192.168.0.0/16"]}\n    serviceDomain',
      'pods: {cidrBlocks: ["10.100.0.0/16"]}\n    serviceDomain',
    )
    const result = importIntoLab(demo, [{ path: 'clusters.yaml', content }])
    expect(result.ok && result.warnings).toEqual([])
    if (!result.ok || !result.batch) return
    const yaml = exportLab({ name: demo.name, topology: applyBatch(demo.topology, result.batch) }).files[0]
      ?.content
    expect(yaml).toContain('    pods:\n      cidrBlocks:\n        - 10.100.0.0/16')
    expect(yaml).toContain('  settings:\n    network:\n      cni:\n        name: antrea')
  })

  it("notes the seed deck's 2019 preview kinds and names what they are today", () => {
    const { result, node } = importOk({
      path: 'seed.yaml',
      content: [
        'apiVersion: vmware.com/v1alpha1',
        'kind: KubernetesCluster',
        'metadata: {name: seed-cluster, namespace: finance}',
        'spec: {workers: {count: 3, class: small}, distribution: {version: v1.15}}',
        '---',
        'apiVersion: vmware.com/v1alpha1',
        'kind: VirtualMachine',
        'metadata: {name: seed-vm, namespace: finance}',
        'spec: {image: mysql, class: small, restartPolicy: Always}',
        '---',
        'apiVersion: compute.crossplane.io/v1alpha1',
        'kind: KubernetesCluster',
        'metadata: {name: not-vmware, namespace: finance}',
      ].join('\n'),
    })
    expect(node('opaque', 'seed-cluster')).toBeTruthy()
    const notes = result.ok ? result.notes : []
    expect(notes.map((n) => `${n.line}:${n.col}`)).toEqual(['1:1', '6:1'])
    expect(notes[0]?.message).toContain('2019 Project Pacific preview form')
    expect(notes[0]?.message).toContain('run.tanzu.vmware.com TanzuKubernetesCluster')
    expect(notes[1]?.message).toContain('VM Service VirtualMachine, vmoperator.vmware.com')
    expect(result.ok && result.warnings).toEqual([])
  })

  it("leaves out the API server's own record, saying the server ignores it", () => {
    const { result, node } = importOk({
      path: 'get.yaml',
      content: [
        'apiVersion: v1',
        'kind: PersistentVolumeClaim',
        'metadata: {name: logs, namespace: finance, uid: 5f1e, resourceVersion: "812", creationTimestamp: "2024-05-01T10:00:00Z"}',
        'spec: {accessModes: [ReadWriteOnce], resources: {requests: {storage: 1Gi}}}',
        'status: {phase: Bound}',
      ].join('\n'),
    })
    expect(result.ok && result.warnings.map((w) => w.message)).toEqual([
      "PersistentVolumeClaim finance/logs: metadata.uid, metadata.resourceVersion, metadata.creationTimestamp, status are the API server's own record (it sets them and ignores them in a manifest); left out",
    ])
    expect((node('pvc', 'logs')?.spec as SpecOf<'pvc'>).extra).toBeUndefined()
  })

  it('keeps a namespace object that is not the one vCenter creates, and says why', () => {
    const { result, node } = importOk({
      path: 'lr.yaml',
      content:
        'apiVersion: v1\nkind: LimitRange\nmetadata: {name: team-defaults, namespace: finance}\nspec:\n  limits: [{type: Container, default: {cpu: 500m}}]\n',
    })
    expect(node('opaque', 'team-defaults')).toBeTruthy()
    expect(result.ok && result.notes[0]?.message).toContain(
      'is kept as written: it is not the LimitRange vCenter creates',
    )
  })

  it('does not warn about what the export itself writes', () => {
    const result = importIntoLab(
      demo,
      exportLab(demo, { vmApi: 'v1alpha1', clusterApi: 'capi-v1beta1' }).files,
    )
    expect(result.ok && result.warnings).toEqual([])
  })

  it('reads TanzuKubernetesClusters (v1alpha1, v1alpha2) and a Cluster API Cluster', () => {
    const { node } = importOk(fixture('clusters.yaml'))
    expect(node('tkc', 'tkc-02')?.spec).toMatchObject({
      api: 'tkc',
      version: 'v1.23.8---vmware.3-tkg.1',
      controlPlane: { replicas: 3, vmClass: 'guaranteed-medium' },
    })
    expect((node('tkc', 'tkc-legacy')?.spec as SpecOf<'tkc'>).nodePools[0]?.replicas).toBe(3)
    const cc = node('tkc', 'cc-01')?.spec as SpecOf<'tkc'>
    expect(cc.api).toBe('capi')
    expect(cc.nodePools.map((p) => [p.name, p.vmClass])).toEqual([
      ['np-1', 'best-effort-medium'],
      ['np-big', 'guaranteed-medium'],
    ])
  })

  it('imports all three files together as one undo step', () => {
    const { result } = importOk(fixture('real-world.yaml'), fixture('vms.yaml'), fixture('clusters.yaml'))
    expect(result.ok && result.batch?.label).toBe('Import 12 changes from manifests')
  })
})

describe('round trips of a lab holding every kind', () => {
  const all = [fixture('real-world.yaml'), fixture('vms.yaml'), fixture('clusters.yaml')]
  const rich = importOk(...all).topology
  const ns = rich.nodes.find((n) => n.id === 'ns-1')!
  const bare = { ...rich, nodes: rich.nodes.filter((n) => n.id !== ns.id && n.parentId !== ns.id) }

  it.each([
    { vmApi: 'v1alpha1', clusterApi: 'capi-v1beta1' },
    { vmApi: 'v1alpha2', clusterApi: 'tkc-v1alpha2' },
    { vmApi: 'v1alpha3' },
  ] as const)('exports valid objects and comes back byte-identical (%o)', (options) => {
    const first = exportLab({ name: 'rich', topology: rich }, options)
    // Forced into another form, what was kept of an object read in an unrelated form is left out, said so.
    const otherForm =
      options.clusterApi === 'capi-v1beta1' ? ['cluster-finance-tkc-02', 'vm-finance-db-new'] : []
    expect(first.problems.filter((p) => p.severity !== 'info').map((p) => `${p.code} ${p.objectId}`)).toEqual(
      otherForm.map((id) => `kept-fields-other-form ${id}`),
    )
    expect(first.files[0]?.content).toContain(`kind: VirtualMachineService`)
    const back = importIntoLab({ topology: bare }, first.files)
    if (!back.ok || !back.batch) throw new Error(JSON.stringify(back))
    const again = exportLab({ name: 'rich', topology: applyBatch(bare, back.batch) }, options)
    expect(again.files).toEqual(first.files)
  })
})

describe('YAML as kubectl reads it', () => {
  const pod = (name: string) =>
    `apiVersion: v1\nkind: Pod\nmetadata: {name: ${name}, namespace: finance}\nspec:\n  containers: [{name: a, image: b}]\n`

  it('accepts a trailing separator, empty documents and documents of comments only', () => {
    const { result } = importOk({
      path: 'stream.yaml',
      content: `---\n${pod('a')}---\n---\n# nothing here\n---\n${pod('b')}---\n`,
    })
    expect(result.ok && result.summary).toEqual(['add pod finance/a', 'add pod finance/b'])
  })

  it('imports a Pod with hostNetwork and warns, at the field, that vSphere Pods ignore it', () => {
    const { result, node } = importOk({
      path: 'hn.yaml',
      content:
        'apiVersion: v1\nkind: Pod\nmetadata: {name: web, namespace: finance}\nspec:\n  hostNetwork: true\n  containers: [{name: a, image: b}]\n',
    })
    expect((node('pod', 'web')?.spec as SpecOf<'pod'>).hostNetwork).toBe(true)
    expect(result.ok && result.warnings).toEqual([
      expect.objectContaining({ file: 'hn.yaml', line: 5, col: 3, path: 'spec.hostNetwork' }),
    ])
    expect(result.ok && result.warnings[0]?.message).toContain('which vSphere Pods ignore')
  })
})

describe('bad input never changes the lab and names the line and column', () => {
  it('bad indentation', () => {
    const errors = importErrors('apiVersion: v1\nkind: Pod\nmetadata:\n  name: web\n namespace: finance\n')
    expect(errors[0]).toMatchObject({ file: 'bad.yaml', line: 5, col: 1 })
    expect(errors[0]?.message).toMatch(/BAD_INDENT|indent/i)
  })

  it('a field of the wrong type, with the schema that refused it', () => {
    const errors = importErrors(
      'apiVersion: v1\nkind: Pod\nmetadata:\n  name: web\n  namespace: finance\nspec:\n  containers: nginx\n',
    )
    expect(errors[0]).toMatchObject({ line: 7, col: 3, path: 'spec.containers' })
    expect(errors[0]?.message).toBe('Pod web: must be array')
    expect(errors[0]?.schema).toContain('kubernetes-models v1 Pod')
  })

  it('a CRD field of the wrong value, checked against the CRD schema', () => {
    const errors = importErrors(
      [
        'apiVersion: vmoperator.vmware.com/v1alpha3',
        'kind: VirtualMachine',
        'metadata: {name: db, namespace: finance}',
        'spec:',
        '  className: best-effort-small',
        '  imageName: ubuntu',
        '  powerState: on',
      ].join('\n'),
    )
    expect(errors[0]).toMatchObject({ line: 7, col: 3, path: 'spec.powerState' })
    expect(errors[0]?.schema).toContain('vmoperator.vmware.com_virtualmachines.yaml v1alpha3')
  })

  it('an unknown apiVersion of a kind the lab models', () => {
    const errors = importErrors(
      '---\napiVersion: vmoperator.vmware.com/v1alpha9\nkind: VirtualMachine\nmetadata: {name: db, namespace: finance}\n',
    )
    expect(errors[0]).toMatchObject({ line: 2, col: 1 })
    expect(errors[0]?.message).toContain(
      'unknown apiVersion "vmoperator.vmware.com/v1alpha9" for VirtualMachine',
    )
  })

  it('the same object twice, pointing at the first', () => {
    const pod =
      'apiVersion: v1\nkind: Pod\nmetadata:\n  name: web\n  namespace: finance\nspec:\n  containers: [{name: a, image: b}]\n'
    const errors = importErrors(`${pod}---\n${pod}`)
    expect(errors[0]).toMatchObject({ line: 12, col: 3 })
    expect(errors[0]?.message).toBe('duplicate: Pod finance/web is also defined at bad.yaml:1:1')
  })

  it('a duplicate key, at its line and column', () => {
    const errors = importErrors(
      'apiVersion: v1\nkind: Pod\nmetadata: {name: web, namespace: finance}\nspec:\n  containers: [{name: a, image: b}]\n  containers: []\n',
    )
    expect(errors).toEqual([
      {
        file: 'bad.yaml',
        line: 6,
        col: 3,
        message: 'duplicate key containers: a mapping may hold each key once (kubectl refuses it too)',
      },
    ])
  })

  it('an object whose namespace is in neither the files nor the lab', () => {
    const errors = importErrors(
      'apiVersion: v1\nkind: Pod\nmetadata: {name: web, namespace: nowhere}\nspec:\n  containers: [{name: a, image: b}]\n',
    )
    expect(errors[0]?.message).toBe('namespace nowhere is neither in the files nor in the lab')
    expect(errors[0]).toMatchObject({ line: 3, col: 23 })
  })

  it('reports every error of every file, and no batch', () => {
    const result = importIntoLab(demo, [
      { path: 'a.yaml', content: 'apiVersion: v2\nkind: Pod\nmetadata: {name: x, namespace: finance}\n' },
      { path: 'b.yaml', content: 'kind: Pod\nmetadata: {name: y}\n' },
    ])
    expect(result).toEqual({
      ok: false,
      errors: [
        expect.objectContaining({
          file: 'a.yaml',
          line: 1,
          col: 1,
          message: 'unknown apiVersion "v2" for Pod: the lab reads v1',
        }),
        expect.objectContaining({
          file: 'b.yaml',
          line: 1,
          col: 1,
          message: 'apiVersion is missing or not a string',
        }),
      ],
    })
  })
})
