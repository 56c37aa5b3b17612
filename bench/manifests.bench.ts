import { parseAllDocuments, stringify } from 'yaml'

import { schemaValidator } from '../src/node/manifests/manifest-handlers'
import { defaultSpec } from '../src/shared/domain/specs'
import type { LabNode, Topology } from '../src/shared/domain/topology'
import { exportFiles } from '../src/shared/manifests/export-files'
import { importManifests } from '../src/shared/manifests/import/import-manifests'
import { medianMs, round, type Benchmark } from './harness'

/**
 * A 64-host, 50-namespace, 10,000-PodVM lab. Written here because src/shared/domain/large-lab.ts
 * (the engine helper's generator) has not landed on this branch; swap it in when it does.
 */
export function largeLab(hosts = 64, namespaces = 50, pods = 10_000): Topology {
  const node = (
    id: string,
    kind: LabNode['kind'],
    name: string,
    parentId: string | null,
    spec: object,
  ): LabNode => ({
    id,
    kind,
    name,
    parentId,
    position: { x: 0, y: 0 },
    spec: spec as Record<string, unknown>,
  })
  const nodes: LabNode[] = [
    node('vc', 'vcenter', 'vcenter-01', null, defaultSpec('vcenter')),
    node('cl', 'cluster', 'cluster-01', 'vc', defaultSpec('cluster')),
    node('sp', 'storage-policy', 'gold', 'vc', { ...defaultSpec('storage-policy'), policyId: 'p-1' }),
    node('net', 'network', 'nsx-01', 'vc', defaultSpec('network')),
    node('sv', 'supervisor', 'supervisor-01', null, { ...defaultSpec('supervisor'), network: 'nsx-01' }),
  ]
  for (let h = 0; h < hosts; h++) nodes.push(node(`h${h}`, 'host', `esxi-${h}`, 'cl', defaultSpec('host')))
  for (let n = 0; n < namespaces; n++) {
    const ns = defaultSpec('namespace')
    nodes.push(
      node(`ns${n}`, 'namespace', `team-${n}`, 'sv', {
        ...ns,
        memoryLimitMiB: 65536,
        storage: [{ policy: 'gold', limitMiB: 102400 }],
        objectCounts: { pods: 400 },
        permissions: [
          { subjectType: 'GROUP', subject: `team-${n}-devs`, domain: 'vsphere.local', role: 'EDIT' },
        ],
      }),
    )
  }
  for (let p = 0; p < pods; p++) {
    const spec = defaultSpec('pod')
    nodes.push(
      node(`p${p}`, 'pod', `pod-${p}`, `ns${p % namespaces}`, {
        ...spec,
        labels: { app: `app-${p % 37}` },
        containers: [
          {
            name: 'app',
            image: 'nginx:1.25',
            ports: [{ containerPort: 443, protocol: 'TCP' }],
            requests: { cpu: 500, memory: 512 },
            limits: { cpu: 1000, memory: 1024 },
          },
        ],
      }),
    )
  }
  return {
    nodes: nodes.sort((a, b) => (a.id < b.id ? -1 : 1)),
    links: [{ id: 'l', kind: 'supervisor-cluster', source: 'sv', target: 'cl' }],
  }
}

/** Export and import of a 10,000-PodVM lab beside yaml's own stringify and parse of the same objects. */
export const manifestsBenchmark: Benchmark = {
  name: 'manifests',
  async run() {
    const topology = largeLab()
    const empty: Topology = {
      nodes: topology.nodes.filter((n) => n.kind !== 'namespace' && n.kind !== 'pod'),
      links: topology.links,
    }
    const options = { vmApi: 'v1alpha3', format: 'yaml' } as const
    const result = exportFiles(topology, 'bench', options)
    const plain = result.objects.map((o) => o.object)
    const text = result.files[0]?.content ?? ''
    const exportMs = await medianMs(1, () => exportFiles(topology, 'bench', options))
    const stringifyMs = await medianMs(1, () =>
      plain.map((o) => stringify(o, { version: '1.1' })).join('---\n'),
    )
    const importMs = await medianMs(1, () => importManifests(empty, result.files))
    const validate = schemaValidator()
    const importValidatedMs = await medianMs(1, () => importManifests(empty, result.files, { validate }))
    const parseMs = await medianMs(1, () =>
      parseAllDocuments(text, { version: '1.1' }).map((d) => d.toJS() as unknown),
    )
    return {
      objects: plain.length,
      exportMs: round(exportMs, 0),
      yamlStringifyMs: round(stringifyMs, 0),
      exportOverStringifyRatio: round(exportMs / stringifyMs),
      importMs: round(importMs, 0),
      importValidatedMs: round(importValidatedMs, 0),
      yamlParseMs: round(parseMs, 0),
      importOverParseRatio: round(importMs / parseMs),
      importValidatedOverParseRatio: round(importValidatedMs / parseMs),
    }
  },
}
