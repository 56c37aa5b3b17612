import { isKind, type ResolvedTopology } from '../resolve'
import { defaultVmClass, type VmClass } from '../vm-classes'

/**
 * A VM class by name: one of the 16 defaults, or a class the admin created (a `vm-class` node,
 * DOMAIN.md 3.2). A custom class reserves its percentages of the hardware, rounded up, the way
 * the vCenter API sets `cpu_reservation` and `memory_reservation`.
 */
export function resolveVmClass(r: ResolvedTopology, name: string): VmClass | undefined {
  const known = defaultVmClass(name)
  if (known) return known
  const node = r.byName('vm-class', name)
  if (!isKind(node, 'vm-class')) return undefined
  const s = r.spec(node)
  return {
    name,
    vcpus: s.cpus,
    memoryMiB: s.memoryMiB,
    reservedCpuMillis: Math.ceil((s.cpus * 1000 * s.cpuReservationPercent) / 100),
    reservedMemoryMiB: Math.ceil((s.memoryMiB * s.memoryReservationPercent) / 100),
  }
}
