import { isKind, type ResolvedTopology } from '../resolve'
import { workloadRefusals } from '../rules/workloads'
import type { LabNode } from '../topology'
import { finding, fromRefusal, type Rule } from './rule'

export { imagesOf } from '../rules/workloads'

/** Storage classes a namespace offers: one per assigned storage policy (DOMAIN.md 2). */
export function storageClassesOf(ns: LabNode & { kind: 'namespace' }, r: ResolvedTopology): string[] {
  return r.spec(ns).storage.map((s) => s.policy)
}

/** Validate codes of what admission refuses (rules/workloads.ts), by their run codes. */
const ADMISSION_CODES: Readonly<Record<string, string>> = {
  'pods-not-supported': 'pods-need-nsx-single-zone',
  'unsupported-spec': 'pod-unsupported-spec',
  'claim-not-found': 'pod-claim-missing',
  'vm-class-missing': 'vm-class-or-storage-not-bound',
  'vm-class-not-found': 'vm-class-or-storage-not-bound',
  'vm-class-not-bound': 'vm-class-or-storage-not-bound',
  'storage-class-not-bound': 'vm-class-or-storage-not-bound',
  'storage-class-missing': 'vm-class-or-storage-not-bound',
  'storage-class-ambiguous': 'storage-class-ambiguous',
  'vm-image-not-found': 'vm-image-not-in-library',
  'api-not-served': 'api-not-served-by-version',
  'file-volume-unsupported': 'file-volume-unsupported',
  'storage-policy-not-zonal': 'storage-policy-not-zonal',
  'feature-not-in-version': 'feature-not-in-version',
  'cluster-class-unknown': 'cluster-class',
  'cluster-class-missing': 'cluster-class',
  'cluster-class-needs-vks': 'cluster-class',
  'kubernetes-release-not-in-class': 'cluster-class',
  'failure-domain-needs-cluster': 'failure-domain',
  'failure-domain-unknown': 'failure-domain',
}

export const WORKLOAD_RULES: readonly Rule[] = [
  {
    code: 'workload-admission',
    severity: 'error',
    kinds: ['pod', 'deployment', 'vm', 'tkc', 'pvc'],
    source: 'rules/workloads.ts (DOMAIN.md 1.2, 4c, 4d; rules/README.md)',
    check(node, r) {
      return workloadRefusals(r, node).map((x) => fromRefusal(x, ADMISSION_CODES))
    },
  },
  {
    code: 'pod-host-network-ignored',
    severity: 'warning',
    kinds: ['pod', 'deployment'],
    source: 'DOMAIN.md 4c',
    check(node, r) {
      if ((!isKind(node, 'pod') && !isKind(node, 'deployment')) || !r.spec(node).hostNetwork) return null
      return finding(
        `"${node.name}" sets hostNetwork, which vSphere Pods ignore`,
        'Remove hostNetwork; the pod gets its own IP on the namespace segment',
      )
    },
  },
  {
    code: 'pods-on-vpc-unverified',
    severity: 'info',
    kinds: ['pod', 'deployment'],
    source: 'rules/README.md (NSX VPC)',
    check(node, r) {
      const sv = r.parentOfKind(node.id, 'supervisor')
      const net = sv ? r.networkOf(sv.id) : undefined
      if (!isKind(net, 'network') || r.spec(net).type !== 'nsx-vpc') return null
      return finding(
        `vSphere Pod "${node.name}" runs on an NSX VPC Supervisor; that VCF 9 runs general vSphere Pods on NSX VPC is unverified (the 9.0 API names a Supervisor Services VPC; vSphere Pod settings appear in 9.1)`,
        'Nothing to fix; the lab runs it as on NSX',
      )
    },
  },
  {
    code: 'tkc-control-plane-count',
    severity: 'error',
    kinds: ['tkc'],
    source: 'DOMAIN.md 6.4',
    check(node) {
      const cp = (node.spec as { controlPlane?: { replicas?: unknown } }).controlPlane?.replicas
      if (cp === undefined || cp === 1 || cp === 3) return null
      return finding(
        `Cluster "${node.name}" has ${JSON.stringify(cp)} control-plane nodes; use 1 or 3`,
        'Set the control plane to 1 or 3 replicas',
      )
    },
  },
  {
    code: 'service-type-ignored',
    severity: 'warning',
    kinds: ['service'],
    source: 'DOMAIN.md 4c',
    check(node, r) {
      if (!isKind(node, 'service') || r.spec(node).type !== 'NodePort') return null
      return finding(
        `Service "${node.name}" is NodePort, which a Supervisor ignores`,
        'Use type LoadBalancer for an NSX VIP',
      )
    },
  },
]
