import { readFileSync } from 'node:fs'

import { describe, expect, it } from 'vitest'

import { PLACEABLE_KINDS, type Kind } from '../../src/shared/domain/kinds'
import { parseLabDocument, type LabDocument } from '../../src/shared/domain/lab-document'
import { defaultSpec } from '../../src/shared/domain/specs'
import type { LabNode } from '../../src/shared/domain/topology'
import { LabTextError } from '../../src/shared/lab-text/format'
import { labToText } from '../../src/shared/lab-text/to-text'
import { loadDemoLab } from '../../src/node/demo-lab'
import { readLabText } from '../../src/node/lab-text'

/** A lab with every placeable kind (a TKC of each API), odd positions and a platform-made node. */
function everyKindLab(): LabDocument {
  const node = (id: string, kind: Kind, parentId: string | null, spec: object = {}): LabNode => ({
    id,
    kind,
    name: `${kind}-${id}`,
    parentId,
    position: { x: id.length * 13.25, y: -7.5 },
    spec: { ...defaultSpec(kind), ...spec },
  })
  const nodes = [
    node('vc', 'vcenter', null),
    node('cl', 'cluster', 'vc', { vsan: true }),
    node('h1', 'host', 'cl', { activeCpuMhz: 1234 }),
    node('sp', 'storage-policy', 'vc', { policyId: 'aa-bb' }),
    node('lib', 'content-library', 'vc', { images: ['ubuntu', 'photon'] }),
    node('net', 'network', 'vc', { loadBalancer: 'avi' }),
    node('sv', 'supervisor', null, { network: 'net-net' }),
    node('svc-h', 'supervisor-service', 'sv', { service: 'contour', version: 'v1.32.0' }),
    node('ns', 'namespace', 'sv', {
      cpuLimitMhz: 5000,
      policies: { allowOnlyPort443: true, auditLogs: true, drSite: 'b', snapshotSchedule: '' },
    }),
    node('pod', 'pod', 'ns', { labels: { app: 'fn-a', on: 'yes' } }),
    node('dep', 'deployment', 'ns', { replicas: 5 }),
    node('vm', 'vm', 'ns', { powerState: 'PoweredOff' }),
    node('tkc', 'tkc', 'ns'),
    node('capi', 'tkc', 'ns', { api: 'capi' }),
    node('pvc', 'pvc', 'ns', { sizeMiB: 2048 }),
    node('svc', 'service', 'ns', { selector: { app: 'fn-a' } }),
    node('cls', 'vm-class', 'ns'),
  ]
  return parseLabDocument(
    {
      name: 'every kind',
      description: 'one of each\nwith two lines',
      topology: { nodes, links: [{ id: 'bind-1', kind: 'supervisor-cluster', source: 'sv', target: 'cl' }] },
    },
    'test',
  )
}

const roundTrip = (doc: LabDocument) => readLabText(labToText(doc), 'lab.lab.yaml')

describe('lab as code', () => {
  it('round-trips the demo lab without loss', () => {
    const demo = loadDemoLab()
    expect(roundTrip(demo)).toEqual(demo)
  })

  it('round-trips a lab with every placeable node kind without loss', () => {
    const lab = everyKindLab()
    for (const kind of PLACEABLE_KINDS) expect(lab.topology.nodes.some((n) => n.kind === kind)).toBe(true)
    const text = labToText(lab)
    expect(roundTrip(lab)).toEqual(lab)
    expect(text).toContain('kind: TanzuKubernetesCluster')
    expect(text).toContain('kind: Cluster')
    expect(text).toContain('otherNodes:')
    // YAML 1.1: strings kubectl would read as booleans stay strings.
    expect(text).toMatch(/: "yes"/)
    expect(text).toContain('position: [ 26.5, -7.5 ]')
  })

  it('reads a hand-written lab with no ids or positions', () => {
    const doc = readLabText(
      [
        'format: pacific-lab/v1',
        'name: mine',
        'vcenters:',
        '  - name: vc',
        '    clusters:',
        '      - name: c1',
        '        hosts: [{ name: h1 }, { name: h2 }]',
        'supervisors:',
        '  - name: sup',
        '    clusters: [{ cluster: cluster-1 }]',
        '    namespaces:',
        '      - name: team-a',
        '        workloads:',
        '          - apiVersion: v1',
        '            kind: Pod',
        '            metadata: { name: web }',
      ].join('\n'),
      'mine.lab.yaml',
    )
    expect(doc.topology.nodes.map((n) => n.id).sort()).toEqual(
      ['cluster-1', 'esxi-1', 'esxi-2', 'namespace-1', 'pod-1', 'supervisor-1', 'vcenter-1'].sort(),
    )
    expect(doc.topology.links).toEqual([
      { id: 'link-1', kind: 'supervisor-cluster', source: 'supervisor-1', target: 'cluster-1' },
    ])
  })

  it('reads the example in docs/lab-format.md', () => {
    const doc = readFileSync('docs/lab-format.md', 'utf8')
    const example = /```yaml\n([\s\S]*?)```/.exec(doc)?.[1] ?? ''
    const lab = readLabText(example, 'docs/lab-format.md')
    expect(lab.topology.nodes.map((n) => n.kind)).toContain('pod')
    expect(lab.topology.links).toHaveLength(1)
  })

  const problemOf = (text: string) => {
    try {
      readLabText(text, 'bad.lab.yaml')
    } catch (e) {
      expect(e).toBeInstanceOf(LabTextError)
      return (e as Error).message
    }
    throw new Error('expected a LabTextError')
  }

  it('gives line and column for YAML syntax errors', () => {
    expect(problemOf('format: pacific-lab/v1\nname: [a, b\nx: 1\n')).toMatch(/^bad\.lab\.yaml:\d+:\d+: /)
  })

  it('gives line and column for shape errors from the JSON Schema', () => {
    const message = problemOf('format: pacific-lab/v1\nname: x\nvcenters:\n  - name: vc\n    clustrs: []\n')
    expect(message).toBe('bad.lab.yaml:4:5: vcenters.0: unknown key "clustrs"')
  })

  it('gives line and column for a bad spec value', () => {
    const message = problemOf(
      [
        'format: pacific-lab/v1',
        'name: x',
        'vcenters:',
        '  - name: vc',
        '    clusters:',
        '      - name: c',
        '        hosts:',
        '          - name: h',
        '            spec:',
        '              cpuCores: -4',
      ].join('\n'),
    )
    expect(message).toMatch(/^bad\.lab\.yaml:10:25: h: spec\.cpuCores: /)
  })

  it('names an unknown binding target and a duplicate id where they are', () => {
    const message = problemOf(
      [
        'format: pacific-lab/v1',
        'name: x',
        'supervisors:',
        '  - id: s',
        '    name: s',
        '    clusters: [{ cluster: nope }]',
        '  - id: s',
        '    name: t',
      ].join('\n'),
    )
    expect(message).toContain('bad.lab.yaml:7:5: the id "s" is used twice (also at bad.lab.yaml:4:5)')
    expect(message).toContain('bad.lab.yaml:6:27: no node with id "nope"')
  })
})
