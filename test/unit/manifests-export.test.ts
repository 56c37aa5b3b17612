import { readFileSync } from 'node:fs'
import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'

import { describe, expect, it } from 'vitest'

import { requests as manifestRequests } from '../../src/shared/contract/contract'
import { deleteSubtreesBatch } from '../../src/shared/domain/commands'
import { applyBatch } from '../../src/shared/domain/edits'
import type { LabNode } from '../../src/shared/domain/topology'
import { loadDemoLab } from '../../src/node/demo-lab'
import {
  createManifestHandlers,
  exportLab,
  importIntoLab,
  schemaValidator,
} from '../../src/node/manifests/manifest-handlers'
import { readImportFiles, writeExport } from '../../src/node/manifests/manifest-files'
import { exportFiles } from '../../src/shared/manifests/export-files'
import { CLUSTER_APIS, VM_APIS, type ExportOptions } from '../../src/shared/manifests/options'
import { checkExport } from '../../src/shared/manifests/schema-check'

const demo = loadDemoLab()
const combos = VM_APIS.flatMap((vmApi) => CLUSTER_APIS.map((clusterApi) => ({ vmApi, clusterApi })))
const withoutFinance = applyBatch(demo.topology, deleteSubtreesBatch(demo.topology, ['ns-1'])!)

describe('export of the demo lab', () => {
  const golden: Partial<ExportOptions>[] = [
    {},
    { vmApi: 'v1alpha1' },
    { vmApi: 'v1alpha2' },
    { clusterApi: 'tkc-v1alpha2' },
    { clusterApi: 'capi-v1beta1' },
  ]
  for (const options of golden) {
    const name = `demo-${options.vmApi ?? 'v1alpha3'}-${options.clusterApi ?? 'per-cluster'}`
    it(`matches the golden file ${name}.yaml`, async () => {
      const { files } = exportLab(demo, options)
      await expect(files.find((f) => f.path === 'manifests.yaml')?.content).toMatchFileSnapshot(
        `../golden/manifests/${name}.yaml`,
      )
    })
  }

  it('writes the vCenter requests beside the manifests', async () => {
    const { files } = exportLab(demo, {})
    const ns = files.find((f) => f.path === 'vcenter/02-create-namespace-finance.json')
    await expect(ns?.content).toMatchFileSnapshot(
      '../golden/manifests/vcenter-02-create-namespace-finance.json',
    )
    const enable = files.find((f) => f.path === 'vcenter/01-enable-supervisor-supervisor-01.json')
    await expect(enable?.content).toMatchFileSnapshot('../golden/manifests/vcenter-01-enable-supervisor.json')
  })

  it.each(combos)('validates every object against a real schema ($vmApi, $clusterApi)', (options) => {
    const { objects } = exportFiles(demo.topology, demo.name, { ...options, format: 'yaml' })
    expect(objects.length).toBe(10)
    expect(checkExport(objects, schemaValidator())).toEqual([])
    for (const o of objects) expect(schemaValidator()(o.object)).not.toBeNull()
  })

  it('checks TKC v1alpha3 against the v1alpha2 schema and says so', () => {
    const { objects } = exportFiles(demo.topology, demo.name, { vmApi: 'v1alpha3', format: 'yaml' })
    const tkc = objects.find((o) => o.object.kind === 'TanzuKubernetesCluster')!
    const check = schemaValidator()(tkc.object)
    expect(check?.real).toBe(false)
    expect(check?.schema).toContain('checked against the v1alpha2 schema')
  })

  it('numbers the files of each namespace folder in apply order', () => {
    const { files } = exportLab(demo, { format: 'dir' })
    const names = files.filter((f) => f.path.startsWith('manifests/')).map((f) => f.path)
    expect(names[0]).toBe('manifests/finance/01-networkpolicy-allow-only-443.yaml')
    expect(names.at(-1)).toBe('manifests/finance/05-tanzukubernetescluster-tkc-01.yaml')
    expect(names).toEqual([...names].sort())
  })

  it('puts under manifests/ only what a namespace user may apply, and what vCenter creates apart', () => {
    const { files } = exportLab(demo, { format: 'dir' })
    const kinds = (dir: string) =>
      files
        .filter((f) => f.path.startsWith(dir) && f.path.endsWith('.yaml'))
        .map((f) => /\nkind: (\w+)/.exec(f.content)?.[1])
    expect(kinds('manifests/')).toEqual([
      'NetworkPolicy',
      'Pod',
      'Pod',
      'VirtualMachine',
      'TanzuKubernetesCluster',
    ])
    expect(kinds('reference/')).toEqual([
      'Namespace',
      'ResourceQuota',
      'LimitRange',
      'RoleBinding',
      'RoleBinding',
    ])
    expect(files.find((f) => f.path === 'reference/README.txt')?.content).toContain('Reference only')
    const yaml = exportLab(demo).files[0]?.content ?? ''
    const reference = yaml.indexOf('# ==== Reference: vCenter creates this part')
    const user = yaml.indexOf('# ==== What a namespace user applies')
    expect(reference).toBeGreaterThan(0)
    expect(yaml.indexOf('kind: Namespace')).toBeGreaterThan(reference)
    expect(yaml.indexOf('kind: NetworkPolicy')).toBeGreaterThan(user)
    expect(yaml.slice(user)).not.toMatch(/^kind: (Namespace|ResourceQuota|LimitRange|RoleBinding)$/m)
  })

  it('refuses to write an object that breaks its schema and says why', () => {
    const bad: LabNode = {
      id: 'cm-bad',
      kind: 'opaque',
      name: 'settings',
      parentId: 'ns-1',
      position: { x: 0, y: 0 },
      spec: {
        manifest: {
          apiVersion: 'v1',
          kind: 'ConfigMap',
          metadata: { name: 'settings', namespace: 'finance' },
          data: 'oops',
        },
      },
    }
    const { files, problems } = exportLab({
      ...demo,
      topology: { ...demo.topology, nodes: [...demo.topology.nodes, bad] },
    })
    expect(files).toEqual([])
    expect(problems.find((p) => p.code === 'schema-invalid')?.message).toMatch(
      /ConfigMap finance\/settings: data must be object/,
    )
  })

  it("writes the vmClass and storageClass variables of a Cluster as the lab names them, else the namespace's only class", () => {
    const withCluster = (storageClass: string) => {
      const nodes = demo.topology.nodes.map((n) =>
        n.kind === 'tkc'
          ? {
              ...n,
              spec: {
                ...n.spec,
                api: 'capi',
                controlPlane: { replicas: 1, vmClass: 'best-effort-small', storageClass },
                nodePools: [{ name: 'np-1', replicas: 2, vmClass: 'best-effort-small', storageClass }],
              },
            }
          : n,
      )
      const { objects } = exportFiles({ ...demo.topology, nodes }, demo.name, { format: 'yaml' })
      const cluster = objects.find((o) => o.object.kind === 'Cluster')?.object
      return (cluster?.spec as { topology: { variables: unknown } }).topology.variables
    }
    expect(withCluster('gold-ftt2-encrypted')).toEqual([
      { name: 'vmClass', value: 'best-effort-small' },
      { name: 'storageClass', value: 'gold-ftt2-encrypted' },
    ])
    // Left empty: the domain's resolver writes the namespace's only storage class, as the run used.
    expect(withCluster('')).toEqual([
      { name: 'vmClass', value: 'best-effort-small' },
      { name: 'storageClass', value: 'gold-ftt2-encrypted' },
    ])
  })

  it('quotes strings YAML 1.1 would misread', () => {
    const node: LabNode = {
      id: 'p-x',
      kind: 'pod',
      name: 'odd',
      parentId: 'ns-1',
      position: { x: 0, y: 0 },
      spec: {
        containers: [{ name: 'a', image: 'b', ports: [], requests: {}, limits: {} }],
        labels: { enabled: 'on', tier: 'yes', version: '1.10' },
        hostNetwork: false,
        volumes: [],
      },
    }
    const { files } = exportLab({
      ...demo,
      topology: { ...demo.topology, nodes: [...demo.topology.nodes, node] },
    })
    const yaml = files[0]?.content ?? ''
    expect(yaml).toContain('enabled: "on"')
    expect(yaml).toContain('tier: "yes"')
    expect(yaml).toContain('version: "1.10"')
  })
})

describe('export then import then export', () => {
  it.each(combos)('is byte-identical as one YAML file ($vmApi, $clusterApi)', (options) => {
    const first = exportLab(demo, options).files
    const result = importIntoLab({ topology: withoutFinance }, first)
    expect(result.ok).toBe(true)
    if (!result.ok || !result.batch) return
    const again = exportLab(
      { name: demo.name, topology: applyBatch(withoutFinance, result.batch) },
      options,
    ).files
    expect(again.map((f) => f.content).join('')).toBe(first.map((f) => f.content).join(''))
  })

  it('is byte-identical through a folder and through a zip on disk', () => {
    const dir = mkdtempSync(join(tmpdir(), 'pacific-export-'))
    for (const format of ['dir', 'zip'] as const) {
      const { files } = exportLab(demo, { format })
      const out = join(dir, format === 'zip' ? 'lab.zip' : 'lab')
      writeExport(files, format, out)
      const result = importIntoLab({ topology: withoutFinance }, readImportFiles([out]))
      expect(result.ok && result.batch).toBeTruthy()
      if (!result.ok || !result.batch) return
      const again = exportLab(
        { name: demo.name, topology: applyBatch(withoutFinance, result.batch) },
        { format },
      ).files
      expect(again).toEqual(files)
    }
    expect(
      readFileSync(join(dir, 'lab', 'reference', 'finance', '01-namespace-finance.yaml'), 'utf8'),
    ).toContain('kind: Namespace')
  })

  it('gives back the same lab: importing the export into the lab it came from changes nothing', () => {
    const result = importIntoLab(demo, exportLab(demo).files)
    expect(result).toEqual({ ok: true, batch: null, summary: [], warnings: [], notes: [] })
  })

  it('rebuilds the removed namespace with the same settings and workloads', () => {
    const result = importIntoLab({ topology: withoutFinance }, exportLab(demo).files)
    if (!result.ok || !result.batch) throw new Error('import failed')
    const after = applyBatch(withoutFinance, result.batch)
    const strip = (n: LabNode) => ({ kind: n.kind, name: n.name, spec: n.spec })
    const original = demo.topology.nodes.filter((n) => n.id === 'ns-1' || n.parentId === 'ns-1').map(strip)
    const ns = after.nodes.find((n) => n.kind === 'namespace')!
    const rebuilt = after.nodes.filter((n) => n.id === ns.id || n.parentId === ns.id).map(strip)
    expect(rebuilt.sort((a, b) => a.name.localeCompare(b.name))).toEqual(
      original.sort((a, b) => a.name.localeCompare(b.name)),
    )
  })
})

describe('manifest handlers', () => {
  it('answer in the shape of their contract entries', () => {
    const handlers = createManifestHandlers(() => demo)
    const exported = manifestRequests.exportManifests.output.parse(
      handlers.exportManifests({ options: { format: 'dir' } }),
    )
    expect(exported.files.length).toBe(14)
    const imported = manifestRequests.importManifests.output.parse(
      handlers.importManifests({ files: exported.files }),
    )
    expect(imported).toEqual({ ok: true, batch: null, summary: [], warnings: [], notes: [] })
  })
})
