import { z } from 'zod'

import { CLUSTER_APIS, VM_APIS } from '../domain/rules/versions'

/** The API versions the export writes are domain data: which vCenter serves which is there too. */
export { CLUSTER_APIS, VM_APIS, type ClusterApi, type VmApi } from '../domain/rules/versions'

export const EXPORT_FORMATS = ['yaml', 'dir', 'zip'] as const
export type ExportFormat = (typeof EXPORT_FORMATS)[number]

/**
 * Export choices. Unset, `vmApi` writes each VM in the version it was imported in, else the
 * newest the lab's vCenter serves; `clusterApi` likewise writes each cluster as it was imported,
 * else by its own `api` in the newest version served (domain/defaults.ts). Set, every VM or
 * cluster is written that way. A version the vCenter does not serve is refused either way.
 */
export const ExportOptions = z.object({
  vmApi: z.enum(VM_APIS).optional(),
  clusterApi: z.enum(CLUSTER_APIS).optional(),
  format: z.enum(EXPORT_FORMATS).default('yaml'),
})
export type ExportOptions = z.output<typeof ExportOptions>

export const DEFAULT_EXPORT_OPTIONS: ExportOptions = { format: 'yaml' }

/** What each exported apiVersion is validated against; shown in the export dialog and the docs. */
export interface SchemaCoverage {
  apiVersion: string
  kind: string
  /** True when a published schema for exactly this version checks the object. */
  real: boolean
  against: string
}

export const SCHEMA_COVERAGE: readonly SchemaCoverage[] = [
  ...['Namespace', 'ResourceQuota', 'LimitRange', 'Pod', 'Service', 'PersistentVolumeClaim'].map((kind) => ({
    apiVersion: 'v1',
    kind,
    real: true,
    against: 'kubernetes-models 4.5 (Kubernetes 1.33 OpenAPI)',
  })),
  { apiVersion: 'apps/v1', kind: 'Deployment', real: true, against: 'kubernetes-models 4.5' },
  {
    apiVersion: 'rbac.authorization.k8s.io/v1',
    kind: 'RoleBinding',
    real: true,
    against: 'kubernetes-models 4.5',
  },
  { apiVersion: 'networking.k8s.io/v1', kind: 'NetworkPolicy', real: true, against: 'kubernetes-models 4.5' },
  ...VM_APIS.flatMap((v) => [
    {
      apiVersion: `vmoperator.vmware.com/${v}`,
      kind: 'VirtualMachine',
      real: true,
      against: `vm-operator CRD ${v} (vmware-tanzu/vm-operator 506dc5dc)`,
    },
    {
      apiVersion: `vmoperator.vmware.com/${v}`,
      kind: 'VirtualMachineService',
      real: true,
      against: `vm-operator CRD ${v} (vmware-tanzu/vm-operator 506dc5dc)`,
    },
  ]),
  {
    apiVersion: 'run.tanzu.vmware.com/v1alpha2',
    kind: 'TanzuKubernetesCluster',
    real: true,
    against: 'TKC CRD v1alpha2 (vmware-tanzu/tanzu-framework 2bcc114e)',
  },
  {
    apiVersion: 'run.tanzu.vmware.com/v1alpha3',
    kind: 'TanzuKubernetesCluster',
    real: false,
    against:
      'no public v1alpha3 CRD: the body is checked against the v1alpha2 schema (same body, DOMAIN.md 3.4)',
  },
  {
    apiVersion: 'cluster.x-k8s.io/v1beta1',
    kind: 'Cluster',
    real: true,
    against: 'Cluster API CRD v1beta1 (kubernetes-sigs/cluster-api ae7ff047)',
  },
]
