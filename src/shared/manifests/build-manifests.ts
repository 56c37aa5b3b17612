import type { Problem } from '../domain/problems'
import type { SpecOf } from '../domain/specs'
import type { LabNode, Topology } from '../domain/topology'
import { applyExtra } from './apply-extra'
import { compareObjects, type ExportedObject } from './kube-object'
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
import { workloadObjectInForm, type FormOptions, type WorkloadContext } from './workload-forms'

/**
 * Topology to Kubernetes objects: per vSphere Namespace what a user would `kubectl apply` on the
 * Supervisor, in the export's one order, with what import kept of each object written back.
 * Pure: same topology and options, same objects.
 */
export function buildManifests(
  topology: Topology,
  options: FormOptions,
): { objects: ExportedObject[]; problems: Problem[] } {
  const lab = labContext(topology)
  const out: ExportedObject[] = []
  const problems: Problem[] = []
  for (const ns of topology.nodes) {
    if (ns.kind !== 'namespace') continue
    const ctx = namespaceContext(lab, ns)
    const add = (node: LabNode, built: Built | null, extra?: SpecOf<'pod'>['extra']) => {
      if (!built) return
      const kept = applyExtra(built, extra, node.id)
      problems.push(...kept.problems)
      out.push({ ...kept.built, nodeId: node.id, folder: ns.name })
    }
    add(ns, namespaceObject(ctx), ctx.spec.extra)
    add(ns, resourceQuotaObject(ctx))
    add(ns, limitRangeObject(ctx))
    for (const rb of roleBindingObjects(ctx)) add(ns, rb)
    add(ns, networkPolicyObject(ctx))
    const wctx = workloadContext(lab, ns)
    for (const node of lab.index.children.get(ns.id) ?? []) {
      if (node.kind === 'pod' && (node.spec as SpecOf<'pod'>).hostNetwork)
        problems.push({
          severity: 'warning',
          code: 'pod-host-network',
          objectId: node.id,
          message: `Pod ${ns.name}/${node.name} sets hostNetwork, which vSphere Pods ignore (DOMAIN.md 4c)`,
          hint: 'Turn hostNetwork off; the platform gives the pod its own IP anyway.',
        })
      add(node, workloadObjectInForm(node, wctx, options), (node.spec as SpecOf<'pod'>).extra)
    }
  }
  out.sort((a, b) => compareObjects(a.object, b.object))
  return { objects: out, problems }
}

/** What the workloads of a namespace need from around them. */
export function workloadContext(lab: LabContext, ns: LabNode): WorkloadContext {
  const children = lab.index.children.get(ns.id) ?? []
  return {
    ns: ns.name,
    network: networkType(lab, ns),
    vmNames: children.filter((c) => c.kind === 'vm').map((c) => c.name),
    podLabels: children.filter((c) => c.kind === 'pod' || c.kind === 'deployment').map(workloadLabels),
  }
}

function workloadLabels(node: LabNode): Record<string, string> {
  const spec = node.spec as SpecOf<'pod'>
  return Object.keys(spec.labels).length || node.kind === 'pod' ? spec.labels : { app: node.name }
}

export function namespaceContext(ctx: LabContext, ns: LabNode): NamespaceContext {
  const supervisor = supervisorOfNamespace(ctx, ns)
  const cluster = supervisor ? ctx.clustersOf(supervisor)[0] : undefined
  return {
    name: ns.name,
    spec: ns.spec as SpecOf<'namespace'>,
    clusterName: cluster?.name ?? '',
    mhzPerCore: slowestCoreMhz(ctx, cluster),
  }
}

function networkType(ctx: LabContext, ns: LabNode): 'nsx' | 'vds' {
  const supervisor = supervisorOfNamespace(ctx, ns)
  const network = supervisor ? ctx.networkOf(supervisor) : undefined
  return network ? (network.spec as SpecOf<'network'>).type : 'nsx'
}
