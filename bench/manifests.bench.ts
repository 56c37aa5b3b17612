import { parseAllDocuments, stringify } from 'yaml'

import { schemaValidator } from '../src/node/manifests/manifest-handlers'
import { generateLargeLab } from '../src/shared/domain/large-lab'
import type { Topology } from '../src/shared/domain/topology'
import { exportFiles } from '../src/shared/manifests/export-files'
import { importManifests } from '../src/shared/manifests/import/import-manifests'
import { interleavedMs, round, sideBySideMs, type Benchmark } from './harness'
import { importPeaks } from './import-bombs'

/** Export and import of a 10,000-PodVM lab beside yaml's own stringify and parse of the same objects. */
export const manifestsBenchmark: Benchmark = {
  name: 'manifests',
  async run() {
    const topology = generateLargeLab().topology
    const empty: Topology = {
      nodes: topology.nodes.filter((n) => n.kind !== 'namespace' && n.kind !== 'pod'),
      links: topology.links,
    }
    const options = { vmApi: 'v1alpha3', format: 'yaml' } as const
    const result = exportFiles(topology, 'bench', options)
    const plain = result.objects.map((o) => o.object)
    const text = result.files[0]?.content ?? ''
    // In turns, so a burst of load elsewhere on the machine weighs on both sides of the ratio.
    const { a: exportMs, b: stringifyMs } = await sideBySideMs(
      3,
      () => exportFiles(topology, 'bench', options),
      () => plain.map((o) => stringify(o, { version: '1.1' })).join('---\n'),
    )
    const validate = schemaValidator()
    const [importMs = 0, importValidatedMs = 0, parseMs = 0] = await interleavedMs(3, [
      () => importManifests(empty, result.files),
      () => importManifests(empty, result.files, { validate }),
      () => parseAllDocuments(text, { version: '1.1' }).map((d) => d.toJS() as unknown),
    ])
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
      ...importPeaks(),
    }
  },
}
