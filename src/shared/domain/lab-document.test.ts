import { describe, expect, it } from 'vitest'

import { LabDocumentError, parseLabDocument } from './lab-document'
import { sampleLab } from '../../../test/support/samples'

// The demo lab as plain JSON, the shape a lab document is read from.
const demo = JSON.parse(JSON.stringify(sampleLab('demo'))) as {
  topology: { nodes: { id: string; parentId: string | null; spec: unknown }[] }
}

describe('lab documents', () => {
  it('reads the demo lab: vCenter, a cluster of three hosts, a Supervisor, a namespace and its workloads', () => {
    const doc = parseLabDocument(demo, 'demo.lab.yaml')
    const kinds = doc.topology.nodes.map((n) => n.kind)
    expect(kinds.filter((k) => k === 'host')).toHaveLength(3)
    for (const kind of ['vcenter', 'cluster', 'supervisor', 'namespace', 'vm', 'tkc'])
      expect(kinds).toContain(kind)
    expect(kinds.filter((k) => k === 'pod')).toHaveLength(2)
  })

  it('names the node and field of a bad spec', () => {
    const bad = structuredClone(demo)
    const host = bad.topology.nodes.find((n) => n.id === 'host-1')!
    ;(host.spec as Record<string, unknown>)['cpuCores'] = -4
    expect(() => parseLabDocument(bad, 'lab.json')).toThrow(
      /lab\.json: nodes\[\d+\] \(esxi-01\): spec: CPU cores \(cpuCores\) must be more than 0/,
    )
  })

  it('refuses a duplicate id and a missing parent', () => {
    const dup = structuredClone(demo)
    dup.topology.nodes.push({ ...dup.topology.nodes[0]! })
    expect(() => parseLabDocument(dup, 'x')).toThrow(LabDocumentError)
    const orphan = structuredClone(demo)
    orphan.topology.nodes[1]!.parentId = 'ghost'
    expect(() => parseLabDocument(orphan, 'x')).toThrow(/parent "ghost" does not exist/)
  })

  it('refuses a parent cycle in a document, and breaks it when reading what a lab file stored', () => {
    const loop = structuredClone(demo)
    const ns = loop.topology.nodes.find((n) => n.id === 'ns-1')!
    ns.parentId = 'pod-1'
    expect(() => parseLabDocument(loop, 'x')).toThrow(/a parent cycle/)
    const kept = parseLabDocument(loop, 'x', 'keep')
    expect(kept.topology.nodes.find((n) => n.id === 'ns-1')?.parentId).toBeNull()
  })
})
