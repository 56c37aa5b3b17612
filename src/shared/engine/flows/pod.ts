import type { PodSpecT } from '../../domain/specs'
import { formatMemory } from '../../domain/units'
import { holdOn, nsHold, status, takeIp } from '../accounting'
import { crxLane, hostdLane, LANES, sphereletLane } from '../lanes'
import { place } from '../placement'
import type { Change, Draft, Planner } from '../planner'
import { millisToMhz, POD_PADDING_MIB, podSize } from '../sizing'
import { STATUS } from '../state'
import { addressOf, registryOf, releasePodResources } from './pod-resources'
import { quotaKey, type QuotaCounter } from '../fields'

/** One vSphere Pod to provision: a Pod node, or a replica of a Deployment. */
export interface PodJob {
  id: string
  name: string
  nsId: string
  spec: Pick<PodSpecT, 'containers' | 'hostNetwork' | 'volumes'>
  sequence: 'pod' | 'deployment'
  /** The Deployment a replica belongs to. */
  owner?: string
}

/** Kubernetes image-pull back-off: 10 s doubling, capped at 5 min; the lab follows 5 attempts. */
export const PULL_BACKOFF_MS = [10_000, 20_000, 40_000, 80_000, 160_000] as const

/** A vSphere Pod's life: DOMAIN.md 4c, carrying the seed deck's seven steps. */
export function runPod(p: Planner, job: PodJob): void {
  const { id } = job
  const scope = p.scope(job.nsId)
  const base = { sequence: job.sequence, object: id }
  const fail = (d: Omit<Draft, 'sequence' | 'object'>, code: string, reason: string, extra: Change[] = []) =>
    p.emit({
      ...base,
      ...d,
      set: [...(d.set ?? []), ...extra, ...status(id, STATUS.failed, reason)],
      failure: { code, reason },
    })
  const identity: Change[] = [
    ['objects', id, 'kind', 'pod'],
    ['objects', id, 'name', job.name],
    ...(job.owner ? ([['objects', id, 'owner', job.owner]] as Change[]) : []),
  ]
  const fromUser = job.owner === undefined
  p.emit({
    ...base,
    actor: fromUser ? LANES.user : LANES.apiserver,
    target: fromUser ? LANES.lb : LANES.apiserver,
    action: 'pod-submit',
    seedStep: 1,
    text: fromUser
      ? `kubectl apply sends the spec of Pod ${job.name} to the Supervisor's API VIP; the load balancer forwards it to a kube-apiserver.`
      : `The ReplicaSet controller creates Pod ${job.name} through kube-apiserver (the Deployment's spec came in through the API VIP load balancer).`,
    set: [...identity, ...status(id, 'Submitted')],
  })
  if (p.interrupted.has(id)) return

  // Admission: namespace, Supervisor type, unsupported fields, quota (DOMAIN.md 4c step 2).
  const adm = { actor: LANES.lb, target: LANES.apiserver, action: 'pod-admit', seedStep: 1 }
  if (!scope || p.status(job.nsId) !== STATUS.running) {
    fail(
      { ...adm, text: `kube-apiserver rejects Pod ${job.name}: its namespace is not running.` },
      'namespace-not-running',
      'namespace is not running',
    )
    return
  }
  if (scope.podProblem) {
    fail(
      { ...adm, text: `Pod ${job.name} cannot run as a vSphere Pod: ${scope.podProblem}.` },
      'pods-not-supported',
      scope.podProblem,
    )
    return
  }
  const hostPath = job.spec.volumes.find((v) => v.hostPath !== undefined && v.hostPath !== '/var/log/pods')
  if (hostPath) {
    const why = `hostPath ${hostPath.hostPath} is not supported on vSphere Pods (only read-only /var/log/pods)`
    fail({ ...adm, text: `kube-apiserver rejects Pod ${job.name}: ${why}.` }, 'unsupported-spec', why)
    return
  }
  const size = podSize(job.spec.containers, scope.spec.containerDefaults)
  const limCpuMhz = millisToMhz(size.limitCpuMillis, scope.mhzPerCore)
  const ns = job.nsId
  const checks: [QuotaCounter, number, string][] = [
    ['pods', 1, 'pods'],
    ['cpuMhz', limCpuMhz, 'limits.cpu (MHz)'],
    ['memoryMiB', size.limitMemoryMiB, 'limits.memory (MiB)'],
  ]
  for (const [key, want, label] of checks) {
    const quota = p.get('namespaces', ns, quotaKey(key))
    if (quota === null) continue
    const used = p.num('namespaces', ns, key)
    if (used + want > Number(quota)) {
      const why = `exceeded quota: ${label}, requested: ${want}, used: ${used}, limited: ${quota}`
      fail(
        { ...adm, text: `kube-apiserver admission rejects Pod ${job.name}: ${why}.` },
        'quota-exceeded',
        why,
      )
      return
    }
  }
  p.emit({
    ...base,
    ...adm,
    text: `kube-apiserver admits Pod ${job.name} (LimitRange defaults applied, quota checked${job.spec.hostNetwork ? '; hostNetwork is ignored on vSphere Pods' : ''}) and stores it in etcd: Pending, no node yet. CRX size: ${size.vcpus} vCPU / ${formatMemory(size.memoryMiB)} (largest of request or limit per container, summed, plus ${POD_PADDING_MIB} MiB padding, assumed).`,
    set: [
      ...status(id, STATUS.pending),
      ...nsHold(p, id, ns, { pods: 1, cpuMhz: limCpuMhz, memoryMiB: size.limitMemoryMiB }),
    ],
  })
  if (p.interrupted.has(id)) return

  // Two-level scheduling (DOMAIN.md 5): kube-scheduler filters and scores, DRS picks.
  const placement = place(
    p.state,
    scope.hostIds,
    {
      kube: { cpuMillis: size.requestCpuMillis, memoryMiB: size.requestMemoryMiB },
      reserveCpuMillis: size.requestCpuMillis,
      reserveMemoryMiB: size.requestMemoryMiB,
      overheadMemoryMiB: POD_PADDING_MIB,
    },
    p.rand(),
  )
  const kubeKept = placement.rows.filter((r) => r.score !== null).length
  if (kubeKept === 0) {
    const why = `0/${placement.rows.length} nodes are available: ${placement.rows.map((r) => `${r.hostName}: ${r.filters.find((f) => !f.pass)?.reason ?? 'filtered'}`).join('; ')}`
    p.emit({
      ...base,
      actor: LANES.scheduler,
      target: LANES.extension,
      action: 'pod-filter-score',
      seedStep: 2,
      text: `kube-scheduler finds no node for Pod ${job.name}; it stays Pending. ${placement.explanation}`,
      placement,
      set: status(id, STATUS.pending, why),
      failure: { code: 'no-feasible-host', reason: why },
    })
    return
  }
  p.emit({
    ...base,
    actor: LANES.scheduler,
    target: LANES.extension,
    action: 'pod-filter-score',
    seedStep: 2,
    text: `kube-scheduler filters the ESXi nodes and scores ${kubeKept} of them by requests (${size.requestCpuMillis}m CPU, ${formatMemory(size.requestMemoryMiB)}); the ranked list goes to the vSphere scheduler extension.`,
  })
  if (p.interrupted.has(id)) return
  const hostId = placement.chosen
  if (hostId === null) {
    const why = `DRS found no host with unreserved capacity for the reservation: ${placement.rows.map((r) => `${r.hostName}: ${r.drs?.reason ?? r.filters.find((f) => !f.pass)?.reason ?? ''}`).join('; ')}`
    p.emit({
      ...base,
      actor: LANES.extension,
      target: LANES.drs,
      action: 'pod-drs-place',
      seedStep: 2,
      text: `DRS cannot place Pod ${job.name}; it stays Pending. ${placement.explanation}`,
      placement,
      set: status(id, STATUS.pending, why),
      failure: { code: 'no-feasible-host', reason: why },
    })
    return
  }
  const mhz = p.num('hosts', hostId, 'mhzPerCore')
  const reserveCpu = millisToMhz(size.requestCpuMillis, mhz)
  const reserveMem = size.requestMemoryMiB + POD_PADDING_MIB
  p.emit({
    ...base,
    actor: LANES.extension,
    target: LANES.drs,
    action: 'pod-drs-place',
    seedStep: 2,
    text: `The scheduler extension asks vCenter; DRS picks ${placement.rows.find((r) => r.chosen)?.hostName}. ${placement.explanation} The binding is stored in etcd.`,
    placement,
    set: [
      ...status(id, STATUS.scheduled),
      ...holdOn(p, id, hostId, {
        cpuMhz: reserveCpu,
        memoryMiB: reserveMem,
        podCpuMillis: size.requestCpuMillis,
        podMemoryMiB: size.requestMemoryMiB,
        activeCpuMhz: reserveCpu,
        activeMemoryMiB: reserveMem,
      }),
    ],
  })
  finishPod(p, job, size)
}

/** Seed steps 3 to 7 on the chosen host. */
function finishPod(p: Planner, job: PodJob, size: ReturnType<typeof podSize>): void {
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
  if (size.vcpus > cores || size.memoryMiB > capMem) {
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
    text: `vCenter has hostd on ${hostName()} create the CRX VM for ${job.name} (${size.vcpus} vCPU, ${formatMemory(size.memoryMiB)}) in the namespace resource pool${nsLimit === null ? '' : ` (limit ${nsLimit} MHz)`} and power it on; the Photon kernel is loaded straight into its memory.`,
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
    text: `The vSphere Pod lifecycle controller tells the Spherelet on ${hostName()} to configure Pod ${job.name}.`,
    set: status(id, STATUS.configuring),
  })
  if (p.interrupted.has(id)) return
  const scope = p.scope(job.nsId)!
  const ip = takeIp(p, scope.podPool)
  if (!ip) {
    const why = 'NSX has no free IP in the namespace network (IP pool exhausted)'
    fail(
      {
        actor: sphereletLane(host()),
        target: LANES.nsx,
        action: 'nsx-vnic',
        seedStep: 5,
        text: `NSX cannot give Pod ${job.name} an address: ${why}.`,
      },
      'ip-exhausted',
      why,
    )
    return
  }
  const address = addressOf(p, scope.podPool, Number(ip[3]))
  p.emit({
    ...base,
    actor: sphereletLane(host()),
    target: LANES.nsx,
    action: 'nsx-vnic',
    seedStep: 5,
    text: `NSX gives Pod ${job.name} its network identity: a vNIC on the namespace segment with IP ${address}.`,
    set: [
      ip,
      ['objects', id, 'ipPool', scope.podPool],
      ['objects', id, 'ip', address],
      ...status(id, STATUS.networkReady),
    ],
  })
  if (!pullImages(p, job)) return
  const claims = job.spec.volumes.filter((v) => v.hostPath === undefined).map((v) => v.claimName)
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
