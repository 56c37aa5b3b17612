import { describe, expect, it } from 'vitest'

import { podSpec, smallLab, type NodeInput, type SmallLabOptions } from '../../domain/small-lab'
import { plan } from '../plan'
import { fitProblems } from './fit-problems'

const GIB = 1024
const messages = (o: SmallLabOptions) =>
  fitProblems(smallLab(o)).map((p) => `${p.code}@${p.objectId}: ${p.message}`)
const runFailures = (o: SmallLabOptions) =>
  plan(smallLab(o), undefined, 3).summary.problems.filter((p) => p.status !== 'Degraded').length

describe('"will it fit": problems that name the object, the resource and by how much', () => {
  it('counts a namespace pod limit and says how many pods it refuses', () => {
    const o: SmallLabOptions = {
      namespace: { objectCounts: { pods: 3 } },
      nodes: [{ kind: 'deployment', id: 'dep-1', spec: { ...podSpec(), replicas: 5 } }],
    }
    expect(messages(o)).toEqual(['quota-exceeded@ns-1: 2 of 5 pods of team exceed its pod count limit of 3'])
    expect(runFailures(o)).toBe(2)
  })

  it('says when pods find no host, and what the Supervisor is short of', () => {
    const o: SmallLabOptions = {
      hosts: [{ memoryMiB: 8 * GIB }, { memoryMiB: 8 * GIB }, { memoryMiB: 8 * GIB }],
      nodes: [{ kind: 'deployment', id: 'dep-1', spec: { ...podSpec({ memory: 4 * GIB }), replicas: 8 } }],
    }
    // One 4 GiB pod (plus padding) per 8 GiB host: DRS places three.
    expect(messages(o)).toEqual([
      "no-host-fits@ns-1: 5 of 8 pods of team find no host (DRS finds no host with unreserved capacity for the reservation): the Supervisor's unreserved memory falls 8.5 GiB short (20.3 GiB asked, 11.8 GiB free)",
    ])
    expect(runFailures(o)).toBe(5)
  })

  it('names the pod larger than the host DRS places it on', () => {
    const o: SmallLabOptions = {
      hosts: [{ cpuCores: 8 }, { cpuCores: 8 }, { cpuCores: 8 }],
      nodes: [{ kind: 'pod', id: 'big', spec: podSpec({ cpu: 1000 }, { cpu: 12000 }) }],
    }
    expect(messages(o)).toEqual([
      'larger-than-host@big: Pod big needs 12 vCPU / 576 MiB, more than esxi-1 (8 cores, 256 GiB) where DRS places it',
    ])
    expect(runFailures(o)).toBe(1)
  })

  it('says when the namespace network has no address left', () => {
    const nodes: NodeInput[] = Array.from({ length: 16 }, (_, i) => ({ kind: 'pod', id: `p-${i}` }))
    const o: SmallLabOptions = { network: { namespaceCidr: '10.244.0.0/28' }, nodes }
    // The namespace segment takes /28 blocks from the namespace network; each loses 3 addresses.
    expect(messages(o)).toEqual([
      'addresses-exhausted@ns-1: 3 of 16 pods of team get no address: the namespace network 10.244.0.0/28 has 13 usable addresses (1 block of 16, 3 lost in each; assumed) and they are all taken',
    ])
    expect(runFailures(o)).toBe(3)
  })

  it('reports what fails while the Supervisor and namespaces are set up, from the real run', () => {
    const o: SmallLabOptions = {
      network: { egressCidr: '10.30.0.0/30' },
      nodes: ['ns-2', 'ns-3'].map((id) => ({ kind: 'namespace' as const, id, spec: {} })),
    }
    expect(messages(o)).toEqual([
      'infrastructure-fails@ns-3: ns-3 fails in the run: the egress range has no address left for the namespace SNAT IP',
    ])
  })

  it('finds nothing in a lab that fits', () => {
    expect(
      messages({
        nodes: [
          { kind: 'pod', id: 'p' },
          { kind: 'vm', id: 'v', spec: { image: 'ubuntu' } },
        ],
      }),
    ).toEqual([])
  })
})
