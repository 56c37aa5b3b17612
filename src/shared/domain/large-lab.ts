import { canonicalTopology } from './edits'
import type { LabDocument } from './lab-document'
import { defaultSpec } from './specs'
import type { LabNode } from './topology'

export interface LargeLabOptions {
  hosts?: number
  namespaces?: number
  /** vSphere Pods in all, spread evenly over the namespaces. */
  pods?: number
}

/**
 * A large, valid lab for scale tests and speed figures: one cluster of `hosts` big hosts, one NSX
 * Supervisor with a wide namespace network, `namespaces` namespaces and `pods` vSphere Pods.
 * Specs are complete (defaults filled), so it needs no parsing. Deterministic: ids and names
 * follow from the counts alone.
 */
export function generateLargeLab({
  hosts = 64,
  namespaces = 50,
  pods = 10_000,
}: LargeLabOptions = {}): LabDocument {
  const nodes: LabNode[] = []
  const add = (
    id: string,
    kind: LabNode['kind'],
    name: string,
    parentId: string | null,
    x: number,
    y: number,
    spec: Record<string, unknown> = {},
  ) => nodes.push({ id, kind, name, parentId, position: { x, y }, spec: { ...defaultSpec(kind), ...spec } })
  add('vc-1', 'vcenter', 'vcenter-01', null, 0, 0)
  add('cl-1', 'cluster', 'cluster-01', 'vc-1', 20, 50)
  for (let h = 0; h < hosts; h++)
    add(
      `host-${pad(h + 1)}`,
      'host',
      `esxi-${pad(h + 1)}`,
      'cl-1',
      20 + (h % 16) * 220,
      50 + Math.floor(h / 16) * 160,
      {
        cpuCores: 64,
        memoryMiB: 1024 * 1024,
        activeCpuMhz: (h * 997) % 20000,
        activeMemoryMiB: ((h * 7919) % 200) * 1024,
      },
    )
  add('sp-1', 'storage-policy', 'vsan-default', 'vc-1', 20, 800)
  add('lib-1', 'content-library', 'images', 'vc-1', 240, 800, { images: ['ubuntu-22.04-server'] })
  add('net-1', 'network', 'nsx-01', 'vc-1', 460, 800, {
    namespaceCidr: '10.128.0.0/12',
    ingressCidr: '10.32.0.0/20',
    egressCidr: '10.40.0.0/22',
  })
  add('sv-1', 'supervisor', 'supervisor-01', null, 0, 1000, {
    network: 'nsx-01',
    controlPlaneStoragePolicy: 'vsan-default',
    size: 'large',
  })
  const perNs = Math.ceil(pods / Math.max(1, namespaces))
  let made = 0
  for (let n = 0; n < namespaces; n++) {
    const nsId = `ns-${pad(n + 1)}`
    add(nsId, 'namespace', `team-${pad(n + 1)}`, 'sv-1', 20 + (n % 10) * 400, 50 + Math.floor(n / 10) * 400, {
      storage: [{ policy: 'vsan-default' }],
      contentLibraries: ['images'],
      vmClasses: ['best-effort-small'],
      containerDefaults: { cpuRequest: 250, memoryRequest: 256 },
    })
    for (let i = 0; i < perNs && made < pods; i++, made++)
      add(
        `${nsId}-pod-${pad(i + 1, 4)}`,
        'pod',
        `fn-${pad(i + 1, 4)}`,
        nsId,
        20 + (i % 20) * 20,
        50 + Math.floor(i / 20) * 20,
        {
          containers: [
            {
              name: 'app',
              image: 'registry.corp.local/app:1.0',
              ports: [],
              requests: { cpu: 250, memory: 512 },
              limits: { cpu: 500, memory: 1024 },
            },
          ],
        },
      )
  }
  return {
    name: `Large lab: ${hosts} hosts, ${namespaces} namespaces, ${pods} vSphere Pods`,
    description: 'Generated for scale tests and speed figures.',
    topology: canonicalTopology({
      nodes,
      links: [{ id: 'link-sv-1-cl-1', kind: 'supervisor-cluster', source: 'sv-1', target: 'cl-1' }],
    }),
  }
}

const pad = (n: number, width = 2) => String(n).padStart(width, '0')
