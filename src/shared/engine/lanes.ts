/**
 * Component lanes of the sequence view (DESIGN.md 4). Per-host and per-pod lanes carry the
 * object id after a colon: `hostd:host-1`, `spherelet:host-1`, `nsx-agent:host-1`, `crx:pod-1`.
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
  /** NSX Manager: Tier-1 gateways, segments, load balancers, SNAT. */
  nsx: 'nsx',
  /** The NSX Container Plugin in the Supervisor, which drives NSX Manager. */
  ncp: 'ncp',
  /**
   * nsx-operator in the Supervisor: VPCs, subnet sets and subnet ports of an NSX VPC Supervisor
   * (vmware-tanzu/nsx-operator, crd.nsx.vmware.com/v1alpha1).
   */
  nsxOperator: 'nsx-operator',
  /** The load balancers of a VDS Supervisor. */
  haproxy: 'haproxy',
  avi: 'avi',
  images: 'image-service',
  vmop: 'vm-operator',
  /** kapp-controller: installs a Supervisor Service's Carvel package (the component is assumed). */
  kapp: 'kapp-controller',
  capi: 'capi',
  cns: 'cns',
  ha: 'vsphere-ha',
} as const

export const hostdLane = (hostId: string) => `hostd:${hostId}`
export const sphereletLane = (hostId: string) => `spherelet:${hostId}`
/** The seed deck's "NSX agent on the host" (DOMAIN.md 4c step 8). */
export const nsxAgentLane = (hostId: string) => `nsx-agent:${hostId}`
export const crxLane = (podId: string) => `crx:${podId}`

/** Every fixed lane in the order the sequence view draws them. */
export const LANE_ORDER: readonly string[] = Object.values(LANES)
