import { describe, expect, it } from 'vitest'

import type { Topology } from '../domain/topology'
import { DisplayNames } from './display-names'

const lab: Topology = {
  nodes: [
    {
      id: 'host-112ieih1rv',
      kind: 'host',
      name: 'esxi-02',
      parentId: null,
      position: { x: 0, y: 0 },
      spec: {},
    },
    { id: 'pod-1x4k5sbr42', kind: 'pod', name: 'web', parentId: null, position: { x: 0, y: 0 }, spec: {} },
  ],
  links: [],
}

describe('display names', () => {
  const names = new DisplayNames(lab)

  it('shows an object by its name and kind, never its id', () => {
    expect(names.name('host-112ieih1rv')).toBe('esxi-02')
    expect(names.label('host-112ieih1rv')).toBe('esxi-02 (ESXi host)')
  })

  it('reads per-host and per-pod lanes with the object they run on', () => {
    expect(names.lane('hostd:host-112ieih1rv')).toBe('hostd on esxi-02')
    expect(names.lane('crx:pod-1x4k5sbr42')).toBe('CRX of web')
    expect(names.lane('api-vip-lb')).toBe('API VIP load balancer')
    expect(names.lane('kube-apiserver')).toBe('kube-apiserver')
  })

  it('describes a fault by what it hits, and a run label by its faults', () => {
    const fault = { kind: 'host-failure', target: 'host-112ieih1rv', atSeq: 30 } as const
    expect(names.fault(fault)).toBe('Host failure of esxi-02 at step 30')
    // An older Pacific Lab wrote the target's id into the stored label: the faults are read instead.
    expect(
      names.run({ label: 'Run 1 · seed 7 + host-failure host-112ieih1rv at step 30', faults: [fault] }),
    ).toBe('Run 1 · seed 7 + Host failure of esxi-02 at step 30')
  })

  it('names a reference in a state change and never shows an unknown id', () => {
    expect(names.value('host', 'host-112ieih1rv')).toBe('esxi-02')
    expect(names.value('status', 'Running')).toBe('Running')
    expect(names.name('host-gone12345')).not.toContain('host-gone12345')
  })

  it('lets the run’s own lab override the open lab (a rename after the run)', () => {
    const renamed = { ...lab, nodes: lab.nodes.map((n) => ({ ...n, name: `${n.name}-new` })) }
    expect(new DisplayNames(renamed, lab).name('pod-1x4k5sbr42')).toBe('web')
  })
})
