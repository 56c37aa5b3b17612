import type { Kind } from '../../domain/kinds'
import { VM_APIS } from '../../domain/rules/versions'
import { splitApiVersion } from '../kube-object'

/**
 * Which lab role each modelled group/kind plays and the versions the lab reads. A modelled kind
 * in another version is an error (unknown apiVersion); any other kind is kept as `opaque`.
 */
export type Role =
  | 'namespace'
  | 'quota'
  | 'limit-range'
  | 'role-binding'
  | 'network-policy'
  | Extract<Kind, 'pod' | 'deployment' | 'service' | 'pvc' | 'vm'>
  | 'vm-service'
  | 'tkc'
  | 'capi-cluster'

const MODELLED: Readonly<Record<string, { role: Role; versions: readonly string[] }>> = {
  '/Namespace': { role: 'namespace', versions: ['v1'] },
  '/ResourceQuota': { role: 'quota', versions: ['v1'] },
  '/LimitRange': { role: 'limit-range', versions: ['v1'] },
  '/Pod': { role: 'pod', versions: ['v1'] },
  '/Service': { role: 'service', versions: ['v1'] },
  '/PersistentVolumeClaim': { role: 'pvc', versions: ['v1'] },
  'apps/Deployment': { role: 'deployment', versions: ['v1'] },
  'rbac.authorization.k8s.io/RoleBinding': { role: 'role-binding', versions: ['v1'] },
  'networking.k8s.io/NetworkPolicy': { role: 'network-policy', versions: ['v1'] },
  'vmoperator.vmware.com/VirtualMachine': { role: 'vm', versions: VM_APIS },
  'vmoperator.vmware.com/VirtualMachineService': { role: 'vm-service', versions: VM_APIS },
  'run.tanzu.vmware.com/TanzuKubernetesCluster': {
    role: 'tkc',
    versions: ['v1alpha1', 'v1alpha2', 'v1alpha3'],
  },
  'cluster.x-k8s.io/Cluster': { role: 'capi-cluster', versions: ['v1beta1'] },
}

export type Classified = { role: Role } | { role: 'opaque' } | { error: string }

export function classify(apiVersion: string, kind: string): Classified {
  const { group, version } = splitApiVersion(apiVersion)
  const entry = MODELLED[`${group}/${kind}`]
  if (!entry) return { role: 'opaque' }
  if (!entry.versions.includes(version))
    return {
      error: `unknown apiVersion "${apiVersion}" for ${kind}: the lab reads ${entry.versions
        .map((v) => (group ? `${group}/${v}` : v))
        .join(', ')}`,
    }
  return { role: entry.role }
}

/** A Supervisor Service's namespace, `svc-<service>-domain-c<N>` (rules/placement-of.ts). */
export const isServiceNamespace = (name: string) => /^svc-[a-z0-9-]+-domain-c\d+$/.test(name)
