import { formatMemory } from '../../domain/units'
import { claimOf } from '../../domain/volumes'
import { largerThanHost, release, status, type StateReader } from '../accounting'
import { allocate, holdAddress, ledger, releaseAddress } from '../addresses'
import { crxLane, hostdLane, LANES, nsxAgentLane, sphereletLane } from '../lanes'
import { quotaKey } from '../fields'
import type { Change, Draft, Planner } from '../planner'
import type { PodSize } from '../sizing'
import { STATUS } from '../state'
import type { PodJob } from './pod'

/** The registry host of an image reference, as a container runtime reads it. */
export function registryOf(image: string): string {
  const slash = image.indexOf('/')
  if (slash < 0) return 'docker.io'
  const first = image.slice(0, slash)
  return first.includes('.') || first.includes(':') || first === 'localhost' ? first : 'docker.io'
}

/** Kubernetes image-pull back-off: 10 s doubling, capped at 5 min; the lab follows 5 attempts. */
export const PULL_BACKOFF_MS = [10_000, 20_000, 40_000, 80_000, 160_000] as const

/** Everything a pod holds on its host and network, given back (the pod keeps its quota share). */
export function releasePodResources(p: StateReader, id: string): Change[] {
  const l = ledger(p)
  const out: Change[] = [...release(p, id), ...releaseAddress(l, p, id, 'ip')]
  if (p.state.objects[`${id}/crx`])
    out.push(...status(`${id}/crx`, STATUS.deleted), ['objects', `${id}/crx`, 'host', null])
  return [...out, ...l.changes]
}

/** Seed steps 3 to 7 on the chosen host (DOMAIN.md 4c steps 5 to 11). */
export function finishPod(p: Planner, job: PodJob, size: PodSize): void {
  const { id } = job
  const base = { sequence: job.sequence, object: id }
  const host = () => String(p.get('objects', id, 'host'))
  const hostName = () => String(p.get('hosts', host(), 'name'))
  const fail = (d: Omit<Draft, 'sequence' | 'object'>, code: string, reason: string) =>
    p.emit({
      ...base,
      ...d,
      set: [...releasePodResources(p, id), ...status(id, STATUS.failed, reason)],
      failure: { code, reason },
    })
  if (p.interrupted.has(id)) return

  const cores = p.num('hosts', host(), 'capacityCpuMhz') / p.num('hosts', host(), 'mhzPerCore')
  const capMem = p.num('hosts', host(), 'capacityMemoryMiB')
  // The CRX cannot be larger than its host: "the vSphere Pod fails to deploy" [FD2].
  if (largerThanHost(p, host(), size.vcpus, size.memoryMiB)) {
    const why = `the CRX needs ${size.vcpus} vCPU / ${formatMemory(size.memoryMiB)} (from its limits) but ${hostName()} has ${cores} cores / ${formatMemory(capMem)}: the configuration is created, however the vSphere Pod fails to deploy`
    fail(
      {
        actor: LANES.vcenter,
        target: hostdLane(host()),
        action: 'crx-create',
        seedStep: 3,
        text: `vCenter cannot power on the CRX of ${job.name}: ${why}.`,
      },
      'limit-exceeds-host',
      why,
    )
    return
  }
  const nsLimit = p.get('namespaces', job.nsId, quotaKey('cpuMhz'))
  p.emit({
    ...base,
    actor: LANES.vcenter,
    target: hostdLane(host()),
    action: 'crx-create',
    seedStep: 3,
    text: `vCenter has hostd on ${hostName()} create the CRX VM for ${job.name} (${size.vcpus} vCPU, ${formatMemory(size.memoryMiB)}) in the namespace resource pool${nsLimit === null ? '' : ` (limit ${nsLimit} MHz)`} and power it on; the Photon kernel is loaded straight into its memory. The seed deck (2019) has the "Kubernetes Lifecycle Manager (wcpsvc)" create this VM; in the product that shipped the request goes from the Pacific scheduler extension through vCenter and DRS to hostd, and the vSphere Pod Lifecycle Controller takes over next (DOMAIN.md 1.4).`,
    set: [
      ...status(id, STATUS.creatingVm),
      ['objects', `${id}/crx`, 'kind', 'crx'],
      ['objects', `${id}/crx`, 'pod', id],
      ['objects', `${id}/crx`, 'host', host()],
      ...status(`${id}/crx`, STATUS.running),
    ],
  })
  if (p.interrupted.has(id)) return
  p.emit({
    ...base,
    actor: hostdLane(host()),
    target: LANES.extension,
    action: 'vm-id-returned',
    seedStep: 3,
    text: `hostd returns the VM's id; the control plane records the node (${hostName()}) and the VM UUID on Pod ${job.name}.`,
    set: [['objects', id, 'vmId', `${id}/crx`]],
  })
  if (p.interrupted.has(id)) return
  p.emit({
    ...base,
    actor: LANES.apiserver,
    target: sphereletLane(host()),
    action: 'spherelet-configure',
    seedStep: 4,
    text: `The vSphere Pod Lifecycle Controller tells the Spherelet on ${hostName()} to configure Pod ${job.name}.`,
    set: status(id, STATUS.configuring),
  })
  if (p.interrupted.has(id)) return
  if (!podNetwork(p, job)) return
  if (!pullImages(p, job)) return
  const claims = job.spec.volumes.map(claimOf).filter((c): c is string => c !== undefined)
  p.emit({
    ...base,
    actor: hostdLane(host()),
    target: crxLane(id),
    action: 'vmdk-attach',
    seedStep: 6,
    text: `hostd attaches the image disks${claims.length ? `, the ephemeral disk and the persistent volume(s) ${claims.join(', ')}` : ' and the ephemeral disk'} to the CRX of ${job.name} (details assumed).`,
  })
  if (p.interrupted.has(id)) return
  p.emit({
    ...base,
    actor: crxLane(id),
    target: crxLane(id),
    action: 'containers-start',
    seedStep: 7,
    text: `The CRX guest boots its init; the Spherelet Agent starts ${job.spec.containers.map((c) => c.name).join(', ')}.`,
    set: status(id, STATUS.starting),
  })
  if (p.interrupted.has(id)) return
  p.emit({
    ...base,
    actor: sphereletLane(host()),
    target: LANES.apiserver,
    action: 'pod-running',
    text: `The Spherelet reports Pod ${job.name} Running on ${hostName()}.`,
    set: status(id, STATUS.running),
  })
}

/**
 * Seed step 5: network identity. The seed deck has an "NSX agent on the host" give the pod its
 * vNIC; which host-side NSX component does it is not published (DOMAIN.md 7, item 3).
 */
function podNetwork(p: Planner, job: PodJob): boolean {
  const { id } = job
  const host = String(p.get('objects', id, 'host'))
  const scope = p.scope(job.nsId)!
  const l = ledger(p)
  const ip = allocate(l, scope.podPool)
  const lanes = { actor: sphereletLane(host), target: nsxAgentLane(host), action: 'nsx-vnic', seedStep: 5 }
  if (!ip) {
    const why = 'NSX has no free IP in the namespace network (IP pool exhausted)'
    p.emit({
      sequence: job.sequence,
      object: id,
      ...lanes,
      text: `The NSX agent on the host (the seed deck's description) cannot give Pod ${job.name} an address: ${why}.`,
      set: [...releasePodResources(p, id), ...status(id, STATUS.failed, why)],
      failure: { code: 'ip-exhausted', reason: why },
    })
    return false
  }
  p.emit({
    sequence: job.sequence,
    object: id,
    ...lanes,
    text: `The NSX agent on the host (the seed deck's description; which host-side NSX component does this is not published) gives Pod ${job.name} its network identity: a vNIC on ${scope.stack.workloadNetwork} with IP ${ip.address}.`,
    set: [...l.changes, ...holdAddress(id, 'ip', scope.podPool, ip), ...status(id, STATUS.networkReady)],
  })
  return !p.interrupted.has(id)
}

/** Seed step 6, first half: pulls each image, backing off while its registry is out. */
function pullImages(p: Planner, job: PodJob): boolean {
  const { id } = job
  const base = { sequence: job.sequence, object: id }
  for (const c of job.spec.containers) {
    if (p.interrupted.has(id)) return false
    const registry = registryOf(c.image)
    for (let attempt = 0; ; attempt++) {
      const reg = p.state.objects[`registry/${registry}`]
      const until = reg?.['until']
      const down = reg?.['status'] === 'Unavailable' && (until === undefined || p.now < Number(until))
      if (!down) break
      const wait = PULL_BACKOFF_MS[attempt]
      if (wait === undefined) {
        const why = `ImagePullBackOff: registry ${registry} unreachable for ${c.image} (the platform keeps retrying every 5 minutes; the lab stops following here)`
        p.emit({
          ...base,
          actor: LANES.images,
          target: crxLane(id),
          action: 'image-pull-failed',
          seedStep: 6,
          text: `The image service still cannot pull ${c.image}: Pod ${job.name} gives up for this run.`,
          set: [...releasePodResources(p, id), ...status(id, STATUS.failed, why)],
          failure: { code: 'image-pull-failed', reason: why },
        })
        return false
      }
      p.emit({
        ...base,
        actor: LANES.images,
        target: crxLane(id),
        action: 'image-pull-failed',
        seedStep: 6,
        duration: wait,
        text: `ErrImagePull: the image service cannot reach ${registry} for ${c.image}; Kubernetes backs off ${wait / 1000} s before retrying (ImagePullBackOff).`,
        set: status(id, STATUS.imagePullBackOff, `ErrImagePull: registry ${registry} unreachable`),
        failure: { code: 'image-pull-backoff', reason: `registry ${registry} unreachable` },
      })
      if (p.interrupted.has(id)) return false
    }
    p.emit({
      ...base,
      actor: sphereletLane(String(p.get('objects', id, 'host'))),
      target: LANES.images,
      action: 'image-pull',
      seedStep: 6,
      text: `The image service pulls ${c.image} from ${registry} and turns it into a VMDK image disk (component split assumed).`,
      set: status(id, STATUS.pullingImages),
    })
  }
  return !p.interrupted.has(id)
}
