import { readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'

import { parseAllDocuments } from 'yaml'
import { describe, expect, it } from 'vitest'

import { loadDemoLab } from '../../src/node/demo-lab'
import { readLabText } from '../../src/node/lab-text'
import { exportLab, importIntoLab } from '../../src/node/manifests/manifest-handlers'
import { applyBatch } from '../../src/shared/domain/edits'
import type { LabDocument } from '../../src/shared/domain/lab-document'
import type { SpecOf } from '../../src/shared/domain/specs'
import type { LabNode, Topology } from '../../src/shared/domain/topology'
import { validateTopology } from '../../src/shared/domain/validation/validate'
import { plan } from '../../src/shared/engine/plan'
import { labToText } from '../../src/shared/lab-text/to-text'

/**
 * The corpus of realistic namespaces (test/fixtures/manifests/corpus) imported into the demo lab
 * and exported again gives back every input field, also after the lab went through its text
 * form; the test compares every object leaf by leaf.
 */
const CORPUS = 'test/fixtures/manifests/corpus'
const files = readdirSync(CORPUS)
  .sort()
  .map((f) => ({ path: join(CORPUS, f), content: readFileSync(join(CORPUS, f), 'utf8') }))

type Obj = Record<string, unknown>
const docsOf = (text: string): Obj[] =>
  parseAllDocuments(text, { version: '1.1' })
    .map((d) => d.toJS() as Obj | null)
    .filter((o): o is Obj => o !== null)
const key = (o: Obj) => {
  const meta = (o.metadata ?? {}) as { namespace?: string; name?: string }
  return `${String(o.apiVersion)} ${String(o.kind)} ${meta.namespace ?? ''}/${meta.name ?? ''}`
}

/** Every leaf of a JSON value by its path: `spec.containers[0].env[1].name` -> value. */
function leaves(value: unknown, path = '', out: Record<string, unknown> = {}): Record<string, unknown> {
  if (Array.isArray(value) && value.length) value.forEach((v, i) => leaves(v, `${path}[${i}]`, out))
  else if (value && typeof value === 'object' && !Array.isArray(value) && Object.keys(value).length)
    for (const [k, v] of Object.entries(value)) leaves(v, path ? `${path}.${k}` : k, out)
  else out[path] = value
  return out
}

/**
 * The lab's own notes on what no manifest carries (the namespace's VM class bindings, set in the
 * test as vCenter would): the only fields an export may add to what was read.
 */
const withoutLabNotes = (l: Record<string, unknown>) =>
  Object.fromEntries(
    Object.entries(l).filter(([path]) => !path.startsWith('metadata.annotations.pacific-lab.dev/vm-classes')),
  )

const demo = loadDemoLab()
const imported = importIntoLab(demo, files)
if (!imported.ok || !imported.batch) throw new Error(`corpus import failed: ${JSON.stringify(imported)}`)
/**
 * What vCenter configures, which no manifest carries: the admin binds to the new namespace the
 * storage policy and VM classes its objects use, and creates the corpus's custom GPU class.
 */
function withVcenterSettings(topology: Topology): Topology {
  const shop = topology.nodes.find((n) => n.kind === 'namespace' && n.name === 'shop')
  if (!shop) throw new Error('the corpus creates namespace shop')
  const classes = ['best-effort-small', 'best-effort-medium', 'best-effort-large', 'guaranteed-medium']
  const gpu: LabNode = {
    id: 'vmclass-gpu',
    kind: 'vm-class',
    name: 'guaranteed-8xlarge-gpu',
    parentId: shop.id,
    position: { x: 0, y: 0 },
    spec: { cpus: 32, memoryMiB: 131072, cpuReservationPercent: 100, memoryReservationPercent: 100 },
  }
  const spec = {
    ...shop.spec,
    storage: [{ policy: 'gold-ftt2-encrypted' }],
    vmClasses: [...classes, gpu.name],
  }
  return {
    ...topology,
    nodes: [...topology.nodes.map((n) => (n.id === shop.id ? { ...n, spec } : n)), gpu],
  }
}
const lab: LabDocument = {
  ...demo,
  topology: withVcenterSettings(applyBatch(demo.topology, imported.batch)),
}
const exported = (doc: Pick<LabDocument, 'name' | 'topology'>) => {
  const { files: out, problems } = exportLab(doc)
  expect(problems.filter((p) => p.severity === 'error')).toEqual([])
  return new Map(docsOf(out.find((f) => f.path === 'manifests.yaml')?.content ?? '').map((o) => [key(o), o]))
}
const inputs = files.flatMap((f) => docsOf(f.content))

describe('lossless import of a corpus of realistic namespaces', () => {
  const first = exported(lab)

  it.each(inputs.map((o) => [key(o), o] as const))('gives back every field of %s', (k, input) => {
    expect(withoutLabNotes(leaves(first.get(k)))).toEqual(leaves(input))
  })

  it('gives back every field after save-text and load-text', () => {
    const back = readLabText(labToText(lab), 'corpus.lab.yaml')
    const again = exported(back)
    for (const input of inputs)
      expect(withoutLabNotes(leaves(again.get(key(input)))), key(input)).toEqual(leaves(input))
  })

  it('warns only about what the platform ignores, and says so', () => {
    if (!imported.ok) return
    expect(imported.warnings.map((w) => `${w.file}:${w.line} ${w.path ?? ''}`)).toEqual([
      `${CORPUS}/02-web-deployment.yaml:116 spec.type`,
    ])
    expect(imported.warnings[0]?.message).toContain('which a Supervisor ignores')
    expect(imported.notes).toEqual([])
  })

  it('models what the platform acts on: volumes by source, the hostPath the platform refuses', () => {
    const node = (name: string) => lab.topology.nodes.find((n) => n.name === name)
    const web = node('web')?.spec as SpecOf<'deployment'>
    expect(web.volumes).toEqual([
      { name: 'config', claimName: '', configMap: 'web-config' },
      { name: 'tls', claimName: '', secret: 'web-tls' },
      { name: 'cache', claimName: '', emptyDir: true },
    ])
    expect(
      web.extra?.fields.map((f) => f.path.map((s) => (typeof s === 'string' ? s : `[${s.name}]`)).join('.')),
    ).toContain('spec.template.spec.containers.[nginx].readinessProbe')
    const shipper = node('log-shipper')
    expect((shipper?.spec as SpecOf<'pod'>).volumes).toEqual([
      { name: 'host-etc', claimName: '', hostPath: '/etc' },
    ])
    const problems = validateTopology(lab.topology).filter((p) => p.objectId === shipper?.id)
    expect(problems.map((p) => p.code)).toContain('pod-unsupported-spec')
    const refused = plan(lab.topology, undefined, 1).steps.find(
      (s) => s.failure?.code === 'unsupported-spec' && s.text.includes('log-shipper'),
    )
    expect(refused?.text).toContain('mounts hostPath /etc')
  })

  it('never writes a hostPath volume as a claim', () => {
    const shipper = first.get('v1 Pod shop/log-shipper') as { spec: { volumes: Obj[] } }
    expect(shipper.spec.volumes).toEqual([
      { name: 'host-etc', hostPath: { path: '/etc', type: 'Directory' } },
    ])
  })

  it('exports each object at the apiVersion it was read with', () => {
    expect(
      [...first.keys()].filter((k) => / (TanzuKubernetesCluster|VirtualMachine|Cluster) /.test(k)),
    ).toEqual(
      expect.arrayContaining([
        'run.tanzu.vmware.com/v1alpha2 TanzuKubernetesCluster shop/tkc-build',
        'run.tanzu.vmware.com/v1alpha3 TanzuKubernetesCluster shop/tkc-apps',
        'cluster.x-k8s.io/v1beta1 Cluster shop/cc-shop',
        'vmoperator.vmware.com/v1alpha3 VirtualMachine shop/jump',
        'vmoperator.vmware.com/v1alpha1 VirtualMachine shop/legacy',
      ]),
    )
  })

  it('changes nothing when the export is imported again', () => {
    const again = importIntoLab(lab, exportLab(lab).files)
    expect(again.ok && again.batch).toBe(null)
  })
})
