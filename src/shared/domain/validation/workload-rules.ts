import { isKind, type ResolvedTopology } from '../resolve'
import type { LabNode } from '../topology'
import { claimOf } from '../volumes'
import { namespaceOf } from './namespace-rules'
import { finding, type Finding, type Rule } from './rule'

/** Whether the namespace's Supervisor can run vSphere Pods, and why not (DOMAIN.md 1.2). */
export function podSupportProblem(ns: LabNode, r: ResolvedTopology): string | null {
  const sv = ns.parentId === null ? undefined : r.index.byId.get(ns.parentId)
  if (!isKind(sv, 'supervisor')) return 'the namespace is not in a Supervisor'
  if (r.spec(sv).zones === 3)
    return `Supervisor "${sv.name}" spans three zones, where vSphere Pods are not supported`
  const net = r.networkOf(sv.id)
  if (isKind(net, 'network') && r.spec(net).type !== 'nsx')
    return `Supervisor "${sv.name}" uses VDS networking; vSphere Pods need NSX`
  return null
}

/** Storage classes a namespace offers: one per assigned storage policy (DOMAIN.md 2). */
export function storageClassesOf(ns: LabNode & { kind: 'namespace' }, r: ResolvedTopology): string[] {
  return r.spec(ns).storage.map((s) => s.policy)
}

/** Images a namespace can use: those in its content libraries (DOMAIN.md 1.2). */
export function imagesOf(ns: LabNode & { kind: 'namespace' }, r: ResolvedTopology): Set<string> {
  const out = new Set<string>()
  for (const name of r.spec(ns).contentLibraries) {
    const lib = r.byName('content-library', name)
    if (isKind(lib, 'content-library')) for (const image of r.spec(lib).images) out.add(image)
  }
  return out
}

function classAndStorage(
  node: LabNode,
  ns: LabNode & { kind: 'namespace' },
  r: ResolvedTopology,
  uses: readonly { vmClass?: string; storageClass: string; what: string }[],
): Finding[] {
  const spec = r.spec(ns)
  const classes = storageClassesOf(ns, r)
  const out: Finding[] = []
  for (const u of uses) {
    if (u.vmClass !== undefined && !spec.vmClasses.includes(u.vmClass))
      out.push(
        finding(
          `${u.what} uses VM class "${u.vmClass}", which is not bound to namespace "${ns.name}"`,
          `Bind "${u.vmClass}" to the namespace or choose one of: ${spec.vmClasses.join(', ') || '(none bound)'}`,
          node.id,
        ),
      )
    if (u.storageClass === '' && classes.length === 0)
      out.push(
        finding(
          `${u.what} has no storage class and namespace "${ns.name}" has no storage policy`,
          'Assign a storage policy to the namespace',
          node.id,
        ),
      )
    else if (u.storageClass !== '' && !classes.includes(u.storageClass))
      out.push(
        finding(
          `${u.what} uses storage class "${u.storageClass}", which is not a storage policy of namespace "${ns.name}"`,
          `Choose one of: ${classes.join(', ') || '(none assigned)'}`,
          node.id,
        ),
      )
  }
  return out
}

/** Workloads against their namespace and Supervisor (DOMAIN.md 1.2, 4c, 6.4). */
export const WORKLOAD_RULES: readonly Rule[] = [
  {
    code: 'pods-need-nsx-single-zone',
    severity: 'error',
    kinds: ['pod', 'deployment'],
    source: 'DOMAIN.md 1.2',
    check(node, r) {
      const ns = namespaceOf(node, r)
      const why = ns ? podSupportProblem(ns, r) : null
      return why === null
        ? null
        : finding(
            `vSphere Pod "${node.name}" cannot run: ${why}`,
            'Use an NSX single-zone Supervisor, or run it in a TKC',
          )
    },
  },
  {
    code: 'pod-unsupported-spec',
    severity: 'error',
    kinds: ['pod', 'deployment'],
    source: 'DOMAIN.md 4c',
    check(node, r) {
      if (!isKind(node, 'pod') && !isKind(node, 'deployment')) return null
      const bad = r
        .spec(node)
        .volumes.filter((v) => v.hostPath !== undefined && v.hostPath !== '/var/log/pods')
      return bad.map((v) =>
        finding(
          `"${node.name}" mounts hostPath ${v.hostPath}; vSphere Pods reject hostPath other than read-only /var/log/pods`,
          'Use a PersistentVolumeClaim instead',
        ),
      )
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
    code: 'pod-claim-missing',
    severity: 'error',
    kinds: ['pod', 'deployment'],
    source: 'Kubernetes volumes',
    check(node, r) {
      if (!isKind(node, 'pod') && !isKind(node, 'deployment')) return null
      // Most pods mount no claim; only those look at their namespace's PVCs.
      const claims = r
        .spec(node)
        .volumes.map(claimOf)
        .filter((c): c is string => c !== undefined)
      if (claims.length === 0) return null
      const siblings = new Set(
        (node.parentId === null ? [] : (r.index.children.get(node.parentId) ?? []))
          .filter((n) => n.kind === 'pvc')
          .map((n) => n.name),
      )
      return claims
        .filter((claim) => !siblings.has(claim))
        .map((claim) =>
          finding(
            `"${node.name}" mounts claim "${claim}", which is not in its namespace`,
            'Add the PVC or fix the claim name',
          ),
        )
    },
  },
  {
    code: 'vm-class-or-storage-not-bound',
    severity: 'error',
    kinds: ['vm', 'tkc', 'pvc'],
    source: 'DOMAIN.md 1.2',
    check(node, r) {
      const ns = namespaceOf(node, r)
      if (!ns) return null
      if (isKind(node, 'vm')) {
        const s = r.spec(node)
        return classAndStorage(node, ns, r, [
          { vmClass: s.className, storageClass: s.storageClass, what: `VM "${node.name}"` },
        ])
      }
      if (isKind(node, 'tkc')) {
        const s = r.spec(node)
        return classAndStorage(node, ns, r, [
          {
            vmClass: s.controlPlane.vmClass,
            storageClass: s.controlPlane.storageClass,
            what: `Cluster "${node.name}" control plane`,
          },
          ...s.nodePools.map((p) => ({
            vmClass: p.vmClass,
            storageClass: p.storageClass,
            what: `Cluster "${node.name}" pool ${p.name}`,
          })),
        ])
      }
      if (isKind(node, 'pvc'))
        return classAndStorage(node, ns, r, [
          { storageClass: r.spec(node).storageClass, what: `PVC "${node.name}"` },
        ])
      return null
    },
  },
  {
    code: 'vm-image-not-in-library',
    severity: 'error',
    kinds: ['vm'],
    source: 'DOMAIN.md 1.2',
    check(node, r) {
      const ns = namespaceOf(node, r)
      if (!ns || !isKind(node, 'vm')) return null
      const image = r.spec(node).image
      if (imagesOf(ns, r).has(image)) return null
      return finding(
        `VM "${node.name}" uses image "${image}", which is in none of namespace "${ns.name}"'s content libraries`,
        'Add a content library holding the image to the namespace',
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
