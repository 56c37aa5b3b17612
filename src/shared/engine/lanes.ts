/**
 * Component lanes of the sequence view (DESIGN.md 4). Per-host and per-pod lanes carry the
 * object id after a colon: `hostd:host-1`, `spherelet:host-1`, `crx:pod-1`.
 */
export const LANES = {
  user: 'user',
  lb: 'api-vip-lb',
  apiserver: 'kube-apiserver',
  scheduler: 'kube-scheduler',
  extension: 'scheduler-extension',
  vcenter: 'vcenter',
  drs: 'drs',
  wcpsvc: 'wcpsvc',
  eam: 'eam',
  nsx: 'nsx',
  images: 'image-service',
  vmop: 'vm-operator',
  capi: 'capi',
  cns: 'cns',
  ha: 'vsphere-ha',
} as const

export const hostdLane = (hostId: string) => `hostd:${hostId}`
export const sphereletLane = (hostId: string) => `spherelet:${hostId}`
export const crxLane = (podId: string) => `crx:${podId}`

/** Every fixed lane in the order the sequence view draws them. */
export const LANE_ORDER: readonly string[] = Object.values(LANES)
