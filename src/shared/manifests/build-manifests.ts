import type { Problem } from '../domain/problems'
import { resolveTopology } from '../domain/resolve'
import type { SpecOf } from '../domain/specs'
import type { LabNode, Topology } from '../domain/topology'
import { clusterObject } from './cluster-objects'
import { compareObjects, type ExportedObject, type KubeObject } from './kube-object'
import { VM_SELECTOR_LABEL } from './lab-annotations'
import { labContext, slowestCoreMhz, supervisorOfNamespace, type LabContext } from './lab-context'
import {
  limitRangeObject,
  namespaceObject,
  networkPolicyObject,
  resourceQuotaObject,
  roleBindingObjects,
  type Built,
  type NamespaceContext,
} from './namespace-objects'
import type { ExportOptions } from './options'
import { workloadResolver, type WorkloadResolver } from './resolved-workload'
import { vmObject, vmServiceObject } from './vm-objects'
import { deploymentObject, podObject, pvcObject, serviceObject } from './workload-objects'

/**
 * Topology to Kubernetes objects: per vSphere Namespace what a user would `kubectl apply` on the
 * Supervisor, in the export's one order. Pure: same topology and options, same objects.
 */
export function buildManifests(
  topology: Topology,
  options: Pick<ExportOptions, 'vmApi' | 'clusterApi'>,
): { objects: ExportedObject[]; problems: Problem[] } {
  const lab = labContext(topology)
  const out: ExportedObject[] = []
  const problems: Problem[] = []
  const res = workloadResolver(resolveTopology(topology), options, problems)
  for (const ns of topology.nodes) {
    if (ns.kind !== 'namespace') continue
    const ctx = namespaceContext(lab, ns)
    const add = (node: LabNode, built: Built | null) => {
      if (built) out.push({ ...built, nodeId: node.id, folder: ns.name })
    }
    add(ns, namespaceObject(ctx))
    add(ns, resourceQuotaObject(ctx))
    add(ns, limitRangeObject(ctx))
    for (const rb of roleBindingObjects(ctx)) add(ns, rb)
    add(ns, networkPolicyObject(ctx))
    const children = lab.index.children.get(ns.id) ?? []
    const vmNames = children.filter((c) => c.kind === 'vm').map((c) => c.name)
    const podLabels = children
      .filter((c) => c.kind === 'pod' || c.kind === 'deployment')
      .map((c) => workloadLabels(c))
    for (const node of children) add(node, workloadObject(node, ns, res, vmNames, podLabels, problems))
  }
  out.sort((a, b) => compareObjects(a.object, b.object))
  return { objects: out, problems }
}

function workloadObject(
  node: LabNode,
  nsNode: LabNode,
  res: WorkloadResolver,
  vmNames: readonly string[],
  podLabels: readonly Record<string, string>[],
  problems: Problem[],
): Built | null {
  const ns = nsNode.name
  switch (node.kind) {
    case 'pod': {
      const spec = node.spec as SpecOf<'pod'>
      if (spec.hostNetwork)
        problems.push({
          severity: 'warning',
          code: 'pod-host-network',
          objectId: node.id,
          message: `Pod ${ns}/${node.name} sets hostNetwork, which vSphere Pods ignore (DOMAIN.md 4c)`,
          hint: 'Turn hostNetwork off; import refuses it.',
        })
      return plain(podObject(node.name, ns, spec))
    }
    case 'deployment':
      return plain(deploymentObject(node.name, ns, node.spec as SpecOf<'deployment'>))
    case 'pvc':
      return plain(pvcObject(node.name, ns, res.pvc(nsNode, node, node.spec as SpecOf<'pvc'>)))
    case 'service': {
      const spec = node.spec as SpecOf<'service'>
      return plain(
        selectsOnlyVms(spec.selector, vmNames, podLabels)
          ? vmServiceObject(node.name, ns, spec, res.vmApi(nsNode))
          : serviceObject(node.name, ns, spec),
      )
    }
    case 'vm':
      return vmObject(
        node.name,
        ns,
        res.vm(nsNode, node, node.spec as SpecOf<'vm'>),
        res.vmApi(nsNode),
        res.network(nsNode),
      )
    case 'tkc': {
      const spec = node.spec as SpecOf<'tkc'>
      return plain(
        clusterObject(node.name, ns, res.tkc(nsNode, node, spec), res.clusterApi(nsNode, node, spec)),
      )
    }
    case 'opaque':
      return plain(opaqueObject(node))
    case 'vcenter':
    case 'cluster':
    case 'host':
    case 'storage-policy':
    case 'content-library':
    case 'network':
    case 'supervisor':
    case 'namespace':
    case 'control-plane-vm':
    case 'spherelet':
    case 'vm-class':
    case 'vm-image':
    case 'namespace-network':
      return null
  }
}

const plain = (object: KubeObject | null): Built | null => (object ? { object, comments: [] } : null)

/** An imported object the lab does not model: written back exactly as it was read. */
function opaqueObject(node: LabNode): KubeObject | null {
  const manifest = (node.spec as SpecOf<'opaque'>).manifest
  return typeof manifest.kind === 'string' ? (manifest as KubeObject) : null
}

function workloadLabels(node: LabNode): Record<string, string> {
  const spec = node.spec as SpecOf<'pod'>
  return Object.keys(spec.labels).length || node.kind === 'pod' ? spec.labels : { app: node.name }
}

const matches = (selector: Record<string, string>, labels: Record<string, string>) =>
  Object.entries(selector).every(([k, v]) => labels[k] === v)

/** A Service is a VirtualMachineService when its selector picks lab VMs and no pods. */
export function selectsOnlyVms(
  selector: Record<string, string>,
  vmNames: readonly string[],
  podLabels: readonly Record<string, string>[],
): boolean {
  if (Object.keys(selector).length === 0) return false
  const vm = vmNames.some((name) => matches(selector, { [VM_SELECTOR_LABEL]: name }))
  return vm && !podLabels.some((labels) => matches(selector, labels))
}

function namespaceContext(ctx: LabContext, ns: LabNode): NamespaceContext {
  const supervisor = supervisorOfNamespace(ctx, ns)
  const cluster = supervisor ? ctx.clustersOf(supervisor)[0] : undefined
  return {
    name: ns.name,
    spec: ns.spec as SpecOf<'namespace'>,
    clusterName: cluster?.name ?? '',
    mhzPerCore: slowestCoreMhz(ctx, cluster),
  }
}
