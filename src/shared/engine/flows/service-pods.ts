import type { ServiceComponent } from '../../domain/rules/supervisor-services'
import { formatMemory } from '../../domain/units'
import { holdOn, status } from '../accounting'
import { allocate, holdAddress, ledger } from '../addresses'
import { hostdLane, LANES, sphereletLane } from '../lanes'
import { place } from '../placement'
import type { Planner } from '../planner'
import type { Retry } from './pod'
import { podHold, podNeed, waiting } from './pod'
import { podSize } from '../sizing'
import { STATUS } from '../state'

/**
 * The vSphere Pods a Supervisor Service runs in its `svc-…` namespace ([D8-SVC]: services run
 * as vSphere Pods, on VDS too from 8.0 U1). Each is placed like any vSphere Pod (kube-scheduler
 * filters and scores, DRS picks: placement.ts with the pod flow's needs and holds) and takes an
 * address from the service namespace's network. The pod flow's seven seed steps are told once
 * per pod in one step here: the components and their sizes are the lab's assumption
 * (SERVICE_ASSUMPTIONS), not the product's.
 */
export interface ServicePodJob {
  id: string
  name: string
  /** The supervisor-service node that runs it. */
  owner: string
  component: ServiceComponent
  /** Hosts it may run on (the Supervisor's) and the pool its address comes from. */
  hostIds: readonly string[]
  ipPool: string
  /** The service namespace, for the text. */
  namespace: string
  serviceLabel: string
}

/** The CRX size of a component, as the pod flow sizes any pod (its requests are its size). */
export const componentSize = (c: ServiceComponent) =>
  podSize(
    [
      {
        name: c.name,
        image: c.name,
        ports: [],
        requests: { cpu: c.cpuMillis, memory: c.memoryMiB },
        limits: {},
      },
    ],
    {},
  )

/**
 * Places and starts one service pod; true when it runs. A pod no host can take stays Pending
 * and is tried again when capacity frees (`retry`: only a success makes steps then).
 */
export function runServicePod(p: Planner, job: ServicePodJob, retry?: Retry): boolean {
  const size = componentSize(job.component)
  const placement = place(p.state, job.hostIds, podNeed(size))
  const hostId = placement.chosen
  const base = { sequence: 'supervisor-service' as const, object: job.id, action: 'service-pod' }
  const identity = [
    ['objects', job.id, 'kind', 'pod'],
    ['objects', job.id, 'name', job.name],
    ['objects', job.id, 'owner', job.owner],
    ['objects', job.id, 'component', job.component.name],
  ] as const
  if (hostId === null) {
    if (retry) return false
    const why = `no host can take ${job.name}: ${placement.explanation}`
    p.emit({
      ...base,
      actor: LANES.scheduler,
      target: LANES.drs,
      text: `kube-scheduler and DRS find no host for ${job.serviceLabel}'s vSphere Pod ${job.name} in ${job.namespace}; it stays Pending and is retried when capacity frees. ${placement.explanation}`,
      placement,
      set: [...identity, ...status(job.id, STATUS.pending, why), ...waiting(p, job.id, 'service-pod')],
    })
    return false
  }
  const l = ledger(p)
  const ip = allocate(l, job.ipPool)
  const host = String(p.get('hosts', hostId, 'name'))
  const again = retry ? `${retry.why}, ` : ''
  if (!ip) {
    const why = `no free address in the network of ${job.namespace}`
    p.emit({
      ...base,
      actor: LANES.scheduler,
      target: sphereletLane(hostId),
      text: `${again}${job.serviceLabel}'s vSphere Pod ${job.name} cannot start on ${host}: ${why}.`,
      placement,
      set: [...identity, ...status(job.id, STATUS.failed, why)],
    })
    return false
  }
  p.unschedulable.delete(job.id)
  const spherelet = p.state.objects[`${hostId}/spherelet`] !== undefined
  p.emit({
    ...base,
    actor: LANES.scheduler,
    target: spherelet ? sphereletLane(hostId) : hostdLane(hostId),
    text: `${again}kube-scheduler and DRS place ${job.serviceLabel}'s vSphere Pod ${job.name} (${job.component.cpuMillis}m CPU, ${formatMemory(job.component.memoryMiB)} requested; CRX ${size.vcpus} vCPU / ${formatMemory(size.memoryMiB)}; component and size assumed) on ${host} in ${job.namespace}; the Spherelet starts it with IP ${ip.address}. ${placement.explanation}`,
    placement,
    set: [
      ...identity,
      ...l.changes,
      ...holdAddress(job.id, 'ip', job.ipPool, ip),
      ['objects', job.id, 'unschedulable', null],
      ...holdOn(p, job.id, hostId, podHold(size, p.num('hosts', hostId, 'mhzPerCore'))),
      ...status(job.id, STATUS.running),
    ],
  })
  return true
}
