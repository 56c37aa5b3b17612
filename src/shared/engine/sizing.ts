import type { ContainerT, NamespaceSpecT } from '../domain/specs'

/**
 * PodVM sizing (DOMAIN.md 5): per container the larger of request and limit, at least the
 * BestEffort default of 0.5 core / 512 MB, summed over containers; the CRX gets whole vCPUs.
 */
export const BEST_EFFORT_CPU_MILLIS = 500
export const BEST_EFFORT_MEMORY_MIB = 512
/**
 * Padding for pod lifecycle and Spherelet components, and the VM memory overhead DRS adds to a
 * reservation. No number is published (DOMAIN.md 7.2): 64 MiB is **assumed**.
 */
export const POD_PADDING_MIB = 64
/** Memory overhead of a VM Service or node VM that DRS must find beside its reservation (assumed). */
export const VM_OVERHEAD_MIB = 64

export interface PodSize {
  /** Sum of container requests after LimitRange defaults: what Kubernetes schedules by and vSphere reserves. */
  requestCpuMillis: number
  requestMemoryMiB: number
  /** Sum of limits (a container without a limit counts its CRX share): what the ResourceQuota counts. */
  limitCpuMillis: number
  limitMemoryMiB: number
  /** The CRX's configured size. */
  vcpus: number
  memoryMiB: number
}

/** Sizes a pod's CRX from its containers and the namespace's container defaults (LimitRange). */
export function podSize(
  containers: readonly ContainerT[],
  defaults: NamespaceSpecT['containerDefaults'],
): PodSize {
  let reqCpu = 0
  let reqMem = 0
  let limCpu = 0
  let limMem = 0
  let cpu = 0
  let mem = 0
  for (const c of containers) {
    // Kubernetes defaults a missing request to the limit, then the LimitRange fills what is left.
    const limitCpu = c.limits.cpu ?? defaults.cpuLimit
    const limitMem = c.limits.memory ?? defaults.memoryLimit
    const requestCpu =
      c.requests.cpu ?? (c.limits.cpu !== undefined ? c.limits.cpu : (defaults.cpuRequest ?? 0))
    const requestMem =
      c.requests.memory ?? (c.limits.memory !== undefined ? c.limits.memory : (defaults.memoryRequest ?? 0))
    const sizeCpu = Math.max(BEST_EFFORT_CPU_MILLIS, requestCpu, limitCpu ?? 0)
    const sizeMem = Math.max(BEST_EFFORT_MEMORY_MIB, requestMem, limitMem ?? 0)
    reqCpu += requestCpu
    reqMem += requestMem
    limCpu += limitCpu ?? sizeCpu
    limMem += limitMem ?? sizeMem
    cpu += sizeCpu
    mem += sizeMem
  }
  return {
    requestCpuMillis: reqCpu,
    requestMemoryMiB: reqMem,
    limitCpuMillis: limCpu,
    limitMemoryMiB: limMem,
    vcpus: Math.ceil(cpu / 1000),
    memoryMiB: mem + POD_PADDING_MIB,
  }
}

/** Millicores as MHz on a host of that core speed, rounded up so reservations never fall short. */
export const millisToMhz = (millis: number, mhzPerCore: number) => Math.ceil((millis * mhzPerCore) / 1000)
