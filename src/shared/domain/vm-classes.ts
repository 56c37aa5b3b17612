/**
 * The 16 default VM classes a Supervisor creates (DOMAIN.md 6.1): eight sizes, each as
 * `best-effort-*` (no reservation) and `guaranteed-*` (requests equal the hardware).
 */

export interface VmClass {
  name: string
  vcpus: number
  memoryMiB: number
  /** What DRS reserves when the VM powers on: the whole size for guaranteed, nothing for best-effort. */
  reservedCpuMillis: number
  reservedMemoryMiB: number
  /** Set where the sources disagree, so the app can say so. */
  note?: string
}

const GI = 1024

/**
 * Sizes from vm-operator's vm-class.md and the validated solutions [VMOP][TVS]. [FD4] lists
 * 2xlarge as 16 vCPU / 128 Gi; two sources say 8 / 64, which is what the lab uses.
 */
const SIZES: readonly (readonly [string, number, number, string?])[] = [
  ['xsmall', 2, 2 * GI],
  ['small', 2, 4 * GI],
  ['medium', 2, 8 * GI],
  ['large', 4, 16 * GI],
  ['xlarge', 4, 32 * GI],
  ['2xlarge', 8, 64 * GI, 'one source ([FD4]) lists 16 vCPU / 128 Gi; two say 8 / 64, used here'],
  ['4xlarge', 16, 128 * GI],
  ['8xlarge', 32, 128 * GI],
]

export const DEFAULT_VM_CLASSES: readonly VmClass[] = SIZES.flatMap(([size, vcpus, memoryMiB, note]) => {
  const base = note === undefined ? {} : { note }
  return [
    { name: `best-effort-${size}`, vcpus, memoryMiB, reservedCpuMillis: 0, reservedMemoryMiB: 0, ...base },
    {
      name: `guaranteed-${size}`,
      vcpus,
      memoryMiB,
      reservedCpuMillis: vcpus * 1000,
      reservedMemoryMiB: memoryMiB,
      ...base,
    },
  ]
})

const BY_NAME = new Map(DEFAULT_VM_CLASSES.map((c) => [c.name, c]))

/** The default class of that name, or undefined. */
export function defaultVmClass(name: string): VmClass | undefined {
  return BY_NAME.get(name)
}
