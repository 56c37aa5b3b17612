import { effectiveVersion, VCENTER_VERSIONS, type VcenterVersion } from './vcenter-versions'

/**
 * What each vCenter version has, as data (rules/README.md cites every row). Validate refuses a
 * lab that uses what its vCenter lacks, the planner refuses it in the run, and the export picks
 * the API versions the vCenter serves. The platform profiles (vcenter-versions.ts) are read
 * through this table: add a version and a row or a `since` here, never a condition in a flow.
 */

export { isKnownVersion, VCENTER_VERSIONS, type VcenterVersion } from './vcenter-versions'

/** One row of the table: a feature, the first version that has it, and where that is read. */
export interface FeatureRow {
  label: string
  /** First version with the feature; null when no version in the table has it. */
  since: VcenterVersion | null
  source: string
  /** First version without it again (a removal), when one is known. */
  until?: VcenterVersion
  /** Set when no public source confirms `since` (or `until`): what the lab assumes and why. */
  unverified?: string
}

export const FEATURES = {
  'vds-networking': {
    label: 'VDS networking (HAProxy load balancer)',
    since: '7.0U1',
    source: 'DOMAIN.md 1.1 [FD5] (2020-11 post on 7.0U1 networking)',
  },
  'avi-load-balancer': {
    label: 'NSX Advanced Load Balancer on VDS',
    since: '7.0U2',
    source: 'DOMAIN.md 1.1 [GOVMOMI] LoadBalancerProvider AVI',
    unverified: 'the release that added AVI was not read; 7.0U2 is remembered',
  },
  'vm-service': {
    label: 'VM Service (VirtualMachine objects)',
    since: '7.0U2a',
    source: '[FD4] "The vSphere 7.0 U2a update ... introduces the new VM service and VM operator"',
  },
  'file-volumes': {
    label: 'ReadWriteMany volumes (vSAN file volumes)',
    since: '7.0U3',
    source: 'vSphere 7.0 docs GUID-82AC812A-40E3-4563-9329-747634E1AB6E ("from vSphere 7.0 Update 3")',
  },
  zones: {
    label: 'three-zone Supervisors (vSphere Zones)',
    since: '8.0',
    source: '[D8-ARCH] vSphere 8 docs GUID-AEC66840; enable_on_zones in the 8.0 API (EnableOnZonesSpec)',
  },
  'single-control-plane-vm': {
    label: 'Supervisors with one control-plane VM',
    since: '9.0',
    source:
      'blogs.vmware.com 2025-07-14 "Single-Node vSphere Supervisor in VCF 9.0"; the 9.1 API ControlPlane count ("defaults to 3")',
    unverified: 'the 9.0 enable API field was not read; the 8.0U2 ControlPlane has no count',
  },
  'vsphere-pods-on-vds': {
    label: 'vSphere Pods on VDS networking',
    since: null,
    source: '[D8-POD] "vSphere Pods only on NSX Supervisors" (Supervisor Services run their own)',
  },
  'supervisor-services': {
    label: 'Supervisor Services',
    since: '7.0U3',
    source:
      '[API-SVC] SupervisorServices and ClusterSupervisorServices "added in vSphere API 7.0.3.0"; [D7-SVC] "only Supervisor Clusters configured with NSX support Supervisor Services" (7.x)',
  },
  'supervisor-services-on-vds': {
    label: 'Supervisor Services on VDS networking',
    since: '8.0U1',
    source:
      '[D8-SVC] GUID-052CF490 "Starting with the vSphere 8 Update 1 release, Supervisor Services are available on Supervisors deployed with both types of networking"; [SVC-README]',
  },
  vks: {
    label: 'vSphere Kubernetes Service (VKS) as a Supervisor Service',
    since: '8.0U3',
    source:
      '[D8-TKGS] GUID-8C947916 "Starting with vSphere 8.0 Update 3, TKG is installed as a Supervisor Service"; [SVC-README] "requires vSphere 8.0 Update 3 or later"',
  },
  'nsx-vpc': {
    label: 'NSX VPC networking',
    since: '9.0',
    source:
      '[API-90] Supervisors.Networks.Workload.NetworkType NSX_VPC and Namespaces.Instances.NetworkProvider NSX_VPC, "added in vSphere API 9.0.0.0"',
  },
} as const satisfies Record<string, FeatureRow>
export type Feature = keyof typeof FEATURES

/** vm-operator API versions, oldest first; the export writes each (DOMAIN.md 3.1). */
export const VM_APIS = ['v1alpha1', 'v1alpha2', 'v1alpha3', 'v1alpha4', 'v1alpha5'] as const
export type VmApi = (typeof VM_APIS)[number]

/** How a Kubernetes cluster can be written; the export writes all but tkc-v1alpha1 (DOMAIN.md 3.4, 3.5). */
export const CLUSTER_APIS = ['tkc-v1alpha3', 'tkc-v1alpha2', 'capi-v1beta1'] as const
export type ClusterApi = (typeof CLUSTER_APIS)[number]
export type ServedClusterApi = ClusterApi | 'tkc-v1alpha1'

/** When each API version is first served; same shape as FEATURES. */
export const API_SINCE: Readonly<Record<VmApi | ServedClusterApi, FeatureRow>> = {
  v1alpha1: {
    label: 'vmoperator.vmware.com/v1alpha1',
    since: '7.0U2a',
    source: '[VMOP] first public API (2020-03); shipped with the VM Service [FD4]',
  },
  v1alpha2: {
    label: 'vmoperator.vmware.com/v1alpha2',
    since: '8.0U2',
    source: '[VMOP] api/v1alpha2 appears 2023-03',
    unverified: 'inferred from the folder date and the 8.0U2 release (2023-09); no release note read',
  },
  v1alpha3: {
    label: 'vmoperator.vmware.com/v1alpha3',
    since: '8.0U3',
    source: '[VMOP] api/v1alpha3 appears 2024-04',
    unverified: 'inferred from the folder date and the 8.0U3 release (2024-06); no release note read',
  },
  v1alpha4: {
    label: 'vmoperator.vmware.com/v1alpha4',
    since: '9.0',
    source: '[VMOP] api/v1alpha4 appears 2025-01 (commit bd5ba96c2 "Introduce v1alpha4")',
    unverified: 'inferred from the folder date and the VCF 9.0 release (2025-06); no release note read',
  },
  v1alpha5: {
    label: 'vmoperator.vmware.com/v1alpha5',
    since: '9.0',
    source:
      '[VMOP] api/v1alpha5 appears 2025-08 (commit 8cd71daf2); CAPV moved to v1alpha5 (CAPV PR 3784); a public VCF 9.1 guide shows a Supervisor serving v1alpha5',
    unverified:
      'whether VCF 9.0 itself or only a 9.0 update or 9.1 serves it is not read; the lab serves it from its 9.0 profile',
  },
  'tkc-v1alpha1': {
    label: 'run.tanzu.vmware.com/v1alpha1 TanzuKubernetesCluster',
    since: '7.0',
    source: '[TF] apis/run/v1alpha1; DOMAIN.md 3.4',
  },
  'tkc-v1alpha2': {
    label: 'run.tanzu.vmware.com/v1alpha2 TanzuKubernetesCluster',
    since: '7.0U3',
    source: 'cormachogan.com 2022-02-03 (v1alpha2 with Supervisor v1.21); vSphere 7.0 docs GUID-DFF5574C',
    unverified: 'Supervisor v1.21 = vSphere 7.0U3 is inferred (DOMAIN.md 3.4)',
  },
  'tkc-v1alpha3': {
    label: 'run.tanzu.vmware.com/v1alpha3 TanzuKubernetesCluster',
    since: '8.0',
    source:
      '[D8-TKGTYPES] "TKG 2.0 on Supervisor": TKC v1alpha3 over a Cluster of class tanzukubernetescluster',
  },
  'capi-v1beta1': {
    label: 'cluster.x-k8s.io/v1beta1 Cluster',
    since: '8.0',
    source: '[D8-CC] "TKG 2.0 on Supervisor supports ClusterClass using the v1beta1 API"',
  },
}

/**
 * True when `version` has what the row describes. What no version has is never there; a version
 * the table does not know is read as its nearest platform profile (validate says which).
 */
export function hasRow(version: string, row: FeatureRow): boolean {
  if (row.since === null) return false
  const at = VCENTER_VERSIONS.indexOf(effectiveVersion(version))
  if (row.until !== undefined && at >= VCENTER_VERSIONS.indexOf(row.until)) return false
  return at >= VCENTER_VERSIONS.indexOf(row.since)
}

export const hasFeature = (version: string, feature: Feature) => hasRow(version, FEATURES[feature])

/** "vCenter 7.0U3 has no three-zone Supervisors (it arrives with 8.0)", or null when it has the row. */
export function missingRow(version: string, row: FeatureRow): string | null {
  if (hasRow(version, row)) return null
  const when =
    row.since === null
      ? ''
      : row.until !== undefined &&
          VCENTER_VERSIONS.indexOf(effectiveVersion(version)) >= VCENTER_VERSIONS.indexOf(row.until)
        ? ` (from ${row.since}, no longer from ${row.until})`
        : ` (it arrives with ${row.since})`
  return `vCenter ${version} has no ${row.label}${when}`
}

export const missingFeature = (version: string, feature: Feature) => missingRow(version, FEATURES[feature])

/** The API versions of a list that `version` serves, oldest first. */
export function servedApis<A extends VmApi | ServedClusterApi>(version: string, apis: readonly A[]): A[] {
  return apis.filter((a) => hasRow(version, API_SINCE[a]))
}
