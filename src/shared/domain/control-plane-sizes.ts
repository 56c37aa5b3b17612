import type { SpecOf } from './specs'

/** Size of one Supervisor control-plane VM. */
export interface ControlPlaneSize {
  vcpus: number
  memoryMiB: number
  diskMiB: number
}

/**
 * Supervisor control-plane VM sizes per `size` (DOMAIN.md 6.2). **Unverified**: remembered,
 * with no readable source; the app must say so wherever it shows them.
 */
export const CONTROL_PLANE_SIZES: Readonly<Record<SpecOf<'supervisor'>['size'], ControlPlaneSize>> = {
  tiny: { vcpus: 2, memoryMiB: 8 * 1024, diskMiB: 32 * 1024 },
  small: { vcpus: 4, memoryMiB: 16 * 1024, diskMiB: 32 * 1024 },
  medium: { vcpus: 8, memoryMiB: 16 * 1024, diskMiB: 32 * 1024 },
  large: { vcpus: 16, memoryMiB: 32 * 1024, diskMiB: 32 * 1024 },
}

/** True: the sizes above come from memory, not a source (DOMAIN.md 6.2). */
export const CONTROL_PLANE_SIZES_UNVERIFIED = true
