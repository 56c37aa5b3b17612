import {
  clusterApiFor,
  storageClassFor,
  vmApiFor,
  vmClassFor,
  networkStackOf,
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
  vmApi(ns: LabNode): VmApi
  clusterApi(ns: LabNode, node: LabNode, spec: SpecOf<'tkc'>): ClusterApi
  network(ns: LabNode): 'nsx' | 'vds'
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
  const vmApis = new Map<string, VmApi>()
  return {
    vmApi(ns) {
      let api = vmApis.get(ns.id)
      if (!api) {
        api = take(ns, vmApiFor(vcenterVersionOf(r, ns), options.vmApi), options.vmApi ?? 'v1alpha3')
        vmApis.set(ns.id, api)
      }
      return api
    },
    clusterApi: (ns, node, spec) =>
      take(
        node,
        clusterApiFor(vcenterVersionOf(r, ns), spec.api, options.clusterApi),
        options.clusterApi ?? (spec.api === 'capi' ? 'capi-v1beta1' : 'tkc-v1alpha3'),
      ),
    network(ns) {
      const sv = supervisorOf(r, ns)
      return sv && networkStackOf(r, sv.id)?.type === 'vds' ? 'vds' : 'nsx'
    },
    vm: (ns, node, spec) => ({
      ...spec,
      className: vmClass(ns, node, spec.className, `VM "${node.name}"`),
      storageClass: storage(ns, node, spec.storageClass, `VM "${node.name}"`),
    }),
    tkc: (ns, node, spec) => ({
      ...spec,
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
