import { clusterApiFor, storageClassFor, vmApiFor, vmClassFor, isVdsStack } from '../defaults'
import { isKind, type ResolvedTopology } from '../resolve'
import type { LabNode } from '../topology'
import { namespaceOfNode, supervisorOf, vcenterVersionOf } from './placement-of'
import { refusal, type Refusal } from './refusal'
import { hasFeature } from './versions'
import { fileVolumeRefusal, isFileVolume, zonalPolicyRefusal } from './storage'
import { claimOf } from '../volumes'
import { clusterShapeRefusals } from './vks-clusters'

type Of<K extends LabNode['kind']> = LabNode & { kind: K }

/** Whether the namespace's Supervisor runs vSphere Pods, and why not (DOMAIN.md 1.2, 4c). */
export function podSupportProblem(r: ResolvedTopology, ns: LabNode): string | null {
  const sv = supervisorOf(r, ns)
  if (!sv) return 'the namespace is not in a Supervisor'
  if (r.spec(sv).zones === 3)
    return `Supervisor "${sv.name}" spans three zones, where vSphere Pods are not supported`
  // Whether a network stack runs vSphere Pods is version data (versions.ts), NSX from the start.
  if (isVdsStack(r, sv.id) && !hasFeature(vcenterVersionOf(r, sv) ?? '', 'vsphere-pods-on-vds'))
    return `Supervisor "${sv.name}" uses VDS networking; vSphere Pods need NSX`
  return null
}

/** Images a namespace can use: those of its content libraries (DOMAIN.md 1.2). */
export function imagesOf(ns: Of<'namespace'>, r: ResolvedTopology): Set<string> {
  const out = new Set<string>()
  for (const name of r.spec(ns).contentLibraries) {
    const lib = r.byName('content-library', name)
    if (isKind(lib, 'content-library')) for (const image of r.spec(lib).images) out.add(image)
  }
  return out
}

function podRefusals(
  r: ResolvedTopology,
  node: Of<'pod'> | Of<'deployment'>,
  ns: Of<'namespace'>,
): Refusal[] {
  const out: Refusal[] = []
  const why = podSupportProblem(r, ns)
  if (why !== null)
    out.push(
      refusal(
        'pods-not-supported',
        'apiserver',
        `vSphere Pod "${node.name}" cannot run: ${why}`,
        'Use an NSX single-zone Supervisor, or run it in a TKC',
      ),
    )
  const spec = r.spec(node)
  for (const v of spec.volumes) {
    if (v.hostPath !== undefined) {
      if (v.hostPath !== '/var/log/pods')
        out.push(
          refusal(
            'unsupported-spec',
            'apiserver',
            `"${node.name}" mounts hostPath ${v.hostPath}; vSphere Pods reject hostPath other than read-only /var/log/pods`,
            'Use a PersistentVolumeClaim instead',
          ),
        )
      continue
    }
    // configMap, secret and emptyDir volumes need nothing from the lab; claims must exist.
    const claimName = claimOf(v)
    if (claimName === undefined) continue
    const claim = (r.index.children.get(ns.id) ?? []).find((c) => c.kind === 'pvc' && c.name === claimName)
    if (!isKind(claim, 'pvc'))
      out.push(
        refusal(
          'claim-not-found',
          'apiserver',
          `"${node.name}" mounts claim "${claimName}", which is not in its namespace`,
          'Add the PVC or fix the claim name',
        ),
      )
    else if (isFileVolume(r.spec(claim).accessMode))
      out.push(
        refusal(
          'file-volume-unsupported',
          'apiserver',
          `"${node.name}" mounts ${r.spec(claim).accessMode} claim "${claim.name}"; file volumes serve workloads in TKG clusters only, not vSphere Pods`,
          'Mount a ReadWriteOnce claim, or run the workload in a TKC',
        ),
      )
  }
  return out
}

/** Class, storage class and zonal policy of one VM-shaped use (a VM, a cluster's node group). */
function vmUse(
  r: ResolvedTopology,
  ns: Of<'namespace'>,
  use: { vmClass: string; storageClass: string; what: string },
  by: Refusal['by'],
): Refusal[] {
  const nsLike = { name: ns.name, spec: r.spec(ns) }
  const out: Refusal[] = []
  const cls = vmClassFor(r, nsLike, use.vmClass, use.what)
  if (!cls.ok) out.push({ ...cls.refusal, by })
  const sc = storageClassFor(nsLike, use.storageClass, use.what)
  if (!sc.ok) out.push({ ...sc.refusal, by })
  else {
    const zonal = zonalPolicyRefusal(r, ns, sc.value, use.what)
    if (zonal) out.push({ ...zonal, by })
  }
  return out
}

function vmRefusals(r: ResolvedTopology, node: Of<'vm'>, ns: Of<'namespace'>): Refusal[] {
  const api = vmApiFor(vcenterVersionOf(r, ns))
  if (!api.ok) return [api.refusal]
  const s = r.spec(node)
  const out = vmUse(
    r,
    ns,
    { vmClass: s.className, storageClass: s.storageClass, what: `VM "${node.name}"` },
    'vm-operator',
  )
  if (!imagesOf(ns, r).has(s.image))
    out.push(
      refusal(
        'vm-image-not-found',
        'vm-operator',
        `VM "${node.name}" uses image "${s.image}", which is in none of namespace "${ns.name}"'s content libraries`,
        'Add a content library holding the image to the namespace',
      ),
    )
  return out
}

function clusterRefusals(r: ResolvedTopology, node: Of<'tkc'>, ns: Of<'namespace'>): Refusal[] {
  const s = r.spec(node)
  const shape = clusterShapeRefusals(r, node)
  if (shape.versionFirst) return shape.refusals
  const api = clusterApiFor(vcenterVersionOf(r, ns), s.api)
  if (!api.ok) return [api.refusal, ...shape.refusals]
  const uses = [
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
  ]
  return [...shape.refusals, ...uses.flatMap((use) => vmUse(r, ns, use, 'cluster-api'))]
}

function pvcRefusals(r: ResolvedTopology, node: Of<'pvc'>, ns: Of<'namespace'>): Refusal[] {
  const s = r.spec(node)
  const sc = storageClassFor({ name: ns.name, spec: r.spec(ns) }, s.storageClass, `PVC "${node.name}"`)
  if (!sc.ok) return [{ ...sc.refusal, by: 'csi' }]
  const out: Refusal[] = []
  const file = fileVolumeRefusal(r, ns, node)
  if (file) out.push(file)
  const zonal = zonalPolicyRefusal(r, ns, sc.value, `PVC "${node.name}"`)
  if (zonal) out.push({ ...zonal, by: 'csi' })
  return out
}

type Check = (r: ResolvedTopology, node: LabNode, ns: Of<'namespace'>) => Refusal[]
const BY_KIND: Partial<Record<LabNode['kind'], Check>> = {
  pod: (r, node, ns) => podRefusals(r, node as Of<'pod'>, ns),
  deployment: (r, node, ns) => podRefusals(r, node as Of<'deployment'>, ns),
  vm: (r, node, ns) => vmRefusals(r, node as Of<'vm'>, ns),
  tkc: (r, node, ns) => clusterRefusals(r, node as Of<'tkc'>, ns),
  pvc: (r, node, ns) => pvcRefusals(r, node as Of<'pvc'>, ns),
}

/**
 * Everything the platform refuses a workload for that the lab alone decides (no run state):
 * validate lists them all, the planner refuses with the first one before the workload's flow.
 * Empty for a workload outside a namespace (its own rule reports that).
 */
export function workloadRefusals(r: ResolvedTopology, node: LabNode): Refusal[] {
  const ns = namespaceOfNode(r, node)
  if (!ns) return []
  return BY_KIND[node.kind]?.(r, node, ns) ?? []
}
