import { describe, expect, it } from 'vitest'

import { loadSample, sampleNames } from '../../node/demo-lab'
import type { Topology } from '../domain/topology'
import { DisplayNames } from './display-names'
import { plan } from './plan'

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

  it.each(sampleNames())('names every object, lane and reference of the %s sample run', (sample) => {
    const doc = loadSample(sample)
    const run = plan(doc.topology, undefined, 1, [])
    const all = new DisplayNames(doc.topology).learn(run.steps)
    const ids = new Set(doc.topology.nodes.map((n) => n.id))
    for (const s of run.steps) for (const e of s.effects) ids.add(e.id)
    const shown = run.steps.flatMap((s) => [
      all.label(s.object),
      all.lane(s.actor),
      all.lane(s.target),
      ...s.effects.map((e) => `${all.label(e.id)} ${all.path(e.key)} ${all.value(e.key, e.after)}`),
    ])
    const anyId = words([...ids].filter((id) => all.find(id)?.name !== id))
    for (const text of shown) {
      expect(text).not.toContain('an object not in this lab')
      expect(text).not.toMatch(anyId)
    }
  })
})

/** Any of the ids as a whole word (an id inside a longer name does not count). */
const words = (ids: string[]) =>
  new RegExp(
    `(^|[^\\w-])(${ids.map((id) => id.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')).join('|')})($|[^\\w-])`,
  )
