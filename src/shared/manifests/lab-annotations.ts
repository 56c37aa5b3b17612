/**
 * Names the lab chooses where the product's are not documented (DOMAIN.md 7, gap 4), and the
 * annotations that carry namespace settings no Kubernetes object expresses. Every one is marked
 * in the exported YAML with a comment, and import reads them back.
 */

/** Prefix of the lab's own annotations: settings that live in vCenter, not in Kubernetes. */
export const LAB_PREFIX = 'pacific-lab.dev/'

export const LAB_ANNOTATIONS = {
  description: `${LAB_PREFIX}description`,
  cpuLimitMhz: `${LAB_PREFIX}cpu-limit-mhz`,
  vmClasses: `${LAB_PREFIX}vm-classes`,
  contentLibraries: `${LAB_PREFIX}content-libraries`,
  namespaceCidr: `${LAB_PREFIX}namespace-cidr`,
  ingressCidr: `${LAB_PREFIX}ingress-cidr`,
  egressCidr: `${LAB_PREFIX}egress-cidr`,
  t0Gateway: `${LAB_PREFIX}t0-gateway`,
  auditLogs: `${LAB_PREFIX}audit-logs`,
  drSite: `${LAB_PREFIX}dr-site`,
  snapshotSchedule: `${LAB_PREFIX}snapshot-schedule`,
} as const

/** The namespace label vCenter sets (DOMAIN.md 2); the lab writes the cluster's name in it. */
export const CLUSTER_LABEL = 'vSphereClusterID'

/** ResourceQuota "no limit" for a storage class key (DOMAIN.md 2). */
export const UNLIMITED_QUANTITY = '9223372036854775807'

export const quotaName = (ns: string) => `${ns}-storagequota`
export const limitRangeName = (ns: string) => `${ns}-limitrange`
export const NETWORK_POLICY_443 = 'allow-only-443'

/** Cluster roles the namespace roles stand for (DOMAIN.md 2, inferred). */
export const ROLE_TO_CLUSTER_ROLE = { OWNER: 'admin', EDIT: 'edit', VIEW: 'view' } as const
export type NamespaceRole = keyof typeof ROLE_TO_CLUSTER_ROLE

/** RoleBinding name as the lab writes it: `wcp:<ns>:<user|group>:<domain>:<subject>`. */
export const roleBindingName = (ns: string, subjectType: 'USER' | 'GROUP', domain: string, subject: string) =>
  `wcp:${ns}:${subjectType.toLowerCase()}:${domain}:${subject}`.toLowerCase()

/** Subject name of an SSO principal in a Supervisor RoleBinding: `sso:<subject>@<domain>`. */
export const ssoSubject = (subject: string, domain: string) => `sso:${subject}@${domain}`

export function parseSsoSubject(name: string): { subject: string; domain: string } | null {
  const m = /^sso:(.+)@([^@]+)$/.exec(name)
  return m?.[1] && m[2] ? { subject: m[1], domain: m[2] } : null
}

/** Label that lets a VirtualMachineService select the lab's VMs (a lab convention). */
export const VM_SELECTOR_LABEL = 'app'

export const INFERRED = {
  clusterId: 'inferred: vCenter writes the cluster MoID (domain-c...) here; the lab writes the cluster name',
  labAnnotations:
    'pacific-lab.dev/* annotations: namespace settings kept in vCenter, not Kubernetes (lab annotations)',
  quota: 'inferred: vCenter creates this quota from the namespace limits; its real name is not documented',
  cpuLimit:
    'inferred: the namespace CPU limit is in MHz on its resource pool; cores = MHz / slowest host MHz per core',
  limitRange: 'inferred: vCenter creates this LimitRange from the container defaults; name not documented',
  roleBinding:
    'inferred: vCenter creates this binding from the namespace permission; name, role and subject form are not documented',
  networkPolicy:
    'lab mapping of the seed deck\'s "block ports other than 443": no namespace setting exists; NCP turns it into DFW rules',
  vmLabel: 'lab convention: VirtualMachineServices select the lab VMs by this label',
} as const
