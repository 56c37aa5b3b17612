import { random } from '../engine/prng'
import { pad, type AddNode } from './large-lab-infra'

/** What each generated workload asks for (the rest comes from the kinds' defaults). */
export interface WorkloadCounts {
  pods: number
  deployments: number
  vms: number
  tkcs: number
}

/** Replicas of each generated Deployment. */
export const DEPLOYMENT_REPLICAS = 3
/** Node VMs of each generated cluster: one control-plane node and a pool of two workers. */
export const TKC_NODES = 3

/** A vSphere Pod's requests: the default lab's, or (seeded) one of a few common sizes. */
export function podRequests(seed: number | undefined, n: number): { cpu: number; memory: number } {
  if (seed === undefined) return { cpu: 250, memory: 512 }
  const cpu = [125, 250, 500][Math.floor(random(seed, 1_000_000 + n) * 3)]!
  const memory = [256, 512, 1024][Math.floor(random(seed, 2_000_000 + n) * 3)]!
  return { cpu, memory }
}

const podSpec = (r: { cpu: number; memory: number }) => ({
  containers: [
    {
      name: 'app',
      image: 'registry.corp.local/app:1.0',
      ports: [],
      requests: r,
      limits: { cpu: 2 * r.cpu, memory: 2 * r.memory },
    },
  ],
})

/** Spreads `total` over `slots` in order: each takes ceil(total / slots) until none is left. */
const share = (total: number, slots: number, slot: number) => {
  const per = Math.ceil(total / Math.max(1, slots))
  return Math.max(0, Math.min(per, total - per * slot))
}

/**
 * The workloads of namespace `ns` (the `index`-th of `namespaces`): its share of each count.
 * `vmClass` is the class of VMs and cluster nodes. Pods are numbered across the lab, so a seed
 * gives each its own size.
 */
export function addWorkloads(
  add: AddNode,
  ns: string,
  index: number,
  namespaces: number,
  counts: WorkloadCounts,
  o: { seed: number | undefined; vmClass: string; firstPod: number },
): void {
  const pods = share(counts.pods, namespaces, index)
  for (let i = 0; i < pods; i++)
    add(
      `${ns}-pod-${pad(i + 1, 4)}`,
      'pod',
      `fn-${pad(i + 1, 4)}`,
      ns,
      20 + (i % 20) * 20,
      50 + Math.floor(i / 20) * 20,
      podSpec(podRequests(o.seed, o.firstPod + i)),
    )
  const y = 50 + Math.ceil(pods / 20) * 20 + 40
  const deployments = share(counts.deployments, namespaces, index)
  for (let i = 0; i < deployments; i++)
    add(`${ns}-deploy-${pad(i + 1, 4)}`, 'deployment', `web-${pad(i + 1, 4)}`, ns, 20 + (i % 10) * 40, y, {
      ...podSpec(podRequests(undefined, 0)),
      replicas: DEPLOYMENT_REPLICAS,
    })
  const vms = share(counts.vms, namespaces, index)
  for (let i = 0; i < vms; i++)
    add(`${ns}-vm-${pad(i + 1, 4)}`, 'vm', `vm-${pad(i + 1, 4)}`, ns, 20 + (i % 10) * 40, y + 60, {
      className: o.vmClass,
      image: 'ubuntu-22.04-server',
    })
  const tkcs = share(counts.tkcs, namespaces, index)
  for (let i = 0; i < tkcs; i++)
    add(`${ns}-tkc-${pad(i + 1, 4)}`, 'tkc', `tkc-${pad(i + 1, 4)}`, ns, 20 + (i % 10) * 40, y + 120, {
      controlPlane: { replicas: 1, vmClass: o.vmClass, storageClass: '' },
      nodePools: [{ name: 'np-1', replicas: TKC_NODES - 1, vmClass: o.vmClass, storageClass: '' }],
    })
}

/** How many pods the namespaces before `index` hold (seeded sizes are numbered across the lab). */
export const podsBefore = (pods: number, namespaces: number, index: number) => {
  let n = 0
  for (let k = 0; k < index; k++) n += share(pods, namespaces, k)
  return n
}
