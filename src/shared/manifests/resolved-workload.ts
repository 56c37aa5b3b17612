import {
  clusterApiFor,
  clusterClassFor,
  storageClassFor,
  vmApiFor,
  vmClassFor,
  type Choice,
} from '../domain/defaults'
import type { Problem } from '../domain/problems'
import type { ResolvedTopology } from '../domain/resolve'
import { supervisorOf, vcenterVersionOf } from '../domain/rules/placement-of'
import type { ClusterApi, VmApi } from '../domain/rules/versions'
import type { SpecOf } from '../domain/specs'
import type { LabNode } from '../domain/topology'
import type { ExportOptions } from './options'

/**
 * What the export writes where the lab leaves a choice: the domain resolver's answers
 * (domain/defaults.ts), the same the planner ran with. A choice the resolver refuses becomes an
 * error problem, which stops the export as it stops validate.
 */
export interface WorkloadResolver {
  /** The VM API to write: `chosen` (the export's option, else the form read) if served, else the newest served. */
  vmApi(ns: LabNode, node: LabNode, chosen: VmApi | undefined): VmApi
  clusterApi(ns: LabNode, node: LabNode, spec: SpecOf<'tkc'>, chosen: ClusterApi | undefined): ClusterApi
  /** The spec with its storage and VM classes filled in. */
  vm(ns: LabNode, node: LabNode, spec: SpecOf<'vm'>): SpecOf<'vm'>
  tkc(ns: LabNode, node: LabNode, spec: SpecOf<'tkc'>): SpecOf<'tkc'>
  pvc(ns: LabNode, node: LabNode, spec: SpecOf<'pvc'>): SpecOf<'pvc'>
}

export function workloadResolver(
  r: ResolvedTopology,
  options: Pick<ExportOptions, 'vmApi' | 'clusterApi'>,
  problems: Problem[],
): WorkloadResolver {
  const take = <T>(node: LabNode, choice: Choice<T>, fallback: T): T => {
    if (choice.ok) return choice.value
    problems.push({
      severity: 'error',
      code: choice.refusal.code,
      objectId: node.id,
      message: choice.refusal.reason,
      hint: choice.refusal.hint,
    })
    return fallback
  }
  const nsOf = (ns: LabNode) => ({ name: ns.name, spec: r.spec(ns as LabNode & { kind: 'namespace' }) })
  const storage = (ns: LabNode, node: LabNode, sc: string, what: string) =>
    take(node, storageClassFor(nsOf(ns), sc, what), sc)
  const vmClass = (ns: LabNode, node: LabNode, cls: string, what: string) =>
    take(node, vmClassFor(r, nsOf(ns), cls, what), undefined)?.name ?? cls
  const clusterClass = (ns: LabNode, node: LabNode, spec: SpecOf<'tkc'>) => {
    const sv = supervisorOf(r, ns)
    const choice = clusterClassFor(
      r,
      sv?.id,
      vcenterVersionOf(r, ns),
      spec.clusterClass,
      spec.version,
      `Cluster "${node.name}"`,
    )
    return take(node, choice, undefined)?.name ?? spec.clusterClass
  }
  // The export's own option is refused once per namespace, not once per VM.
  const vmApis = new Map<string, VmApi>()
  return {
    vmApi(ns, node, chosen) {
      const key = `${ns.id}\u0000${chosen ?? ''}`
      let api = vmApis.get(key)
      if (!api) {
        // The export's own choice is the namespace's problem; a VM's own form is the VM's.
        const owner = options.vmApi !== undefined && chosen === options.vmApi ? ns : node
        api = take(owner, vmApiFor(vcenterVersionOf(r, ns), chosen), chosen ?? 'v1alpha3')
        vmApis.set(key, api)
      }
      return api
    },
    clusterApi: (ns, node, spec, chosen) =>
      take(
        node,
        clusterApiFor(vcenterVersionOf(r, ns), spec.api, chosen),
        chosen ?? (spec.api === 'capi' ? 'capi-v1beta1' : 'tkc-v1alpha3'),
      ),
    vm: (ns, node, spec) => ({
      ...spec,
      className: vmClass(ns, node, spec.className, `VM "${node.name}"`),
      storageClass: storage(ns, node, spec.storageClass, `VM "${node.name}"`),
    }),
    tkc: (ns, node, spec) => ({
      ...spec,
      ...(spec.api === 'capi' ? { clusterClass: clusterClass(ns, node, spec) } : {}),
      controlPlane: {
        ...spec.controlPlane,
        vmClass: vmClass(ns, node, spec.controlPlane.vmClass, `Cluster "${node.name}" control plane`),
        storageClass: storage(
          ns,
          node,
          spec.controlPlane.storageClass,
          `Cluster "${node.name}" control plane`,
        ),
      },
      nodePools: spec.nodePools.map((p) => ({
        ...p,
        vmClass: vmClass(ns, node, p.vmClass, `Cluster "${node.name}" pool ${p.name}`),
        storageClass: storage(ns, node, p.storageClass, `Cluster "${node.name}" pool ${p.name}`),
      })),
    }),
    pvc: (ns, node, spec) => ({
      ...spec,
      storageClass: storage(ns, node, spec.storageClass, `PVC "${node.name}"`),
    }),
  }
}
