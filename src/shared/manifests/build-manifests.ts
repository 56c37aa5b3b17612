import type { Problem } from '../domain/problems'
import { resolveTopology } from '../domain/resolve'
import type { SpecOf } from '../domain/specs'
import type { LabNode, Topology } from '../domain/topology'
import { applyExtra } from './apply-extra'
import { readClusterForm } from './cluster-objects'
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
import type { ExportOptions } from './options'
import { workloadResolver, type WorkloadResolver } from './resolved-workload'
import { serviceObjects } from './service-objects'
import {
  isVmService,
  readVmApi,
  workloadObjectInForm,
  type FormOptions,
  type WorkloadContext,
  type WorkloadLike,
} from './workload-forms'

/**
 * Topology to Kubernetes objects: per vSphere Namespace what a user would `kubectl apply` on the
 * Supervisor, in the export's one order, with what import kept of each object written back.
 * Pure: same topology and options, same objects.
 */
export function buildManifests(
  topology: Topology,
  options: Pick<ExportOptions, 'vmApi' | 'clusterApi'>,
): { objects: ExportedObject[]; problems: Problem[] } {
  const lab = labContext(topology)
  const out: ExportedObject[] = []
  const problems: Problem[] = []
  const r = resolveTopology(topology)
  const res = workloadResolver(r, options, problems)
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
      const resolved = resolvedWorkload(node, ns, res)
      const forms = formsFor(resolved, node, ns, res, options, wctx)
      add(node, workloadObjectInForm(resolved, wctx, forms), (node.spec as SpecOf<'pod'>).extra)
    }
  }
  out.push(...serviceObjects(r))
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

/** The workload with the storage and VM classes the lab left open filled in by the resolver. */
function resolvedWorkload(node: LabNode, ns: LabNode, res: WorkloadResolver): WorkloadLike {
  if (node.kind === 'vm') return { ...node, spec: res.vm(ns, node, node.spec as SpecOf<'vm'>) }
  if (node.kind === 'tkc') return { ...node, spec: res.tkc(ns, node, node.spec as SpecOf<'tkc'>) }
  if (node.kind === 'pvc') return { ...node, spec: res.pvc(ns, node, node.spec as SpecOf<'pvc'>) }
  return node
}

/**
 * The API forms to write a workload in: the export's option, else the form it was read in, each
 * checked against what the lab's vCenter serves, else the newest served. A cluster read as TKC
 * v1alpha1 goes back out so (the resolver's table has no v1alpha1 to check it against).
 */
function formsFor(
  w: WorkloadLike,
  node: LabNode,
  ns: LabNode,
  res: WorkloadResolver,
  options: Pick<ExportOptions, 'vmApi' | 'clusterApi'>,
  ctx: WorkloadContext,
): FormOptions {
  if (w.kind === 'vm' || (w.kind === 'service' && isVmService(w.spec as SpecOf<'service'>, ctx))) {
    const extra = (w.spec as SpecOf<'vm'>).extra
    return { vmApi: res.vmApi(ns, node, options.vmApi ?? readVmApi(extra)) }
  }
  if (w.kind !== 'tkc') return {}
  const spec = w.spec as SpecOf<'tkc'>
  const read = readClusterForm(spec)
  if (!options.clusterApi && read === 'tkc-v1alpha1') return { clusterForm: read }
  const chosen = options.clusterApi ?? (read === 'tkc-v1alpha1' ? undefined : read)
  return { clusterForm: res.clusterApi(ns, node, spec, chosen) }
}

function networkType(ctx: LabContext, ns: LabNode): SpecOf<'network'>['type'] {
  const supervisor = supervisorOfNamespace(ctx, ns)
  const network = supervisor ? ctx.networkOf(supervisor) : undefined
  return network ? (network.spec as SpecOf<'network'>).type : 'nsx'
}
