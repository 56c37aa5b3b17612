import { isKind, type ResolvedTopology } from './resolve'
import {
  classBuilds,
  CLUSTER_CLASSES,
  clusterClassNamed,
  compareDotted,
  type ClusterClassRow,
} from './rules/cluster-classes'
import { vksServiceOf } from './rules/placement-of'
import { refusal, type Refusal } from './rules/refusal'
import { serviceVersionOf } from './rules/supervisor-services'
import { resolveVmClass } from './rules/vm-class'
import {
  API_SINCE,
  CLUSTER_APIS,
  hasRow,
  servedApis,
  VM_APIS,
  FEATURES,
  missingFeature,
  type ClusterApi,
  type ServedClusterApi,
  type VmApi,
} from './rules/versions'
import type { NamespaceSpecT, SpecOf } from './specs'
import type { VmClass } from './vm-classes'

/**
 * The one resolver of what a lab leaves unsaid: a workload's storage class and VM class, the
 * network stack a namespace uses and the API versions objects are written in. Validate, the
 * planner and the export all call it, so a default means the same thing to all three. Where the
 * product would not choose (several policies, none named), the answer is a refusal with its fix.
 */
export type Choice<T> = { ok: true; value: T } | { ok: false; refusal: Refusal }

const ok = <T>(value: T): Choice<T> => ({ ok: true, value })
const no = <T>(r: Refusal): Choice<T> => ({ ok: false, refusal: r })

interface NamespaceLike {
  name: string
  spec: Pick<NamespaceSpecT, 'storage' | 'vmClasses'>
}

/**
 * A workload's storage class: the one it names (which must be a policy of its namespace), else
 * the namespace's only policy. With several and none named the lab asks (the product marks none
 * of a namespace's StorageClasses default: assumed, rules/README.md).
 */
export function storageClassFor(ns: NamespaceLike, requested: string, what: string): Choice<string> {
  const offered = ns.spec.storage.map((s) => s.policy)
  if (requested !== '')
    return offered.includes(requested)
      ? ok(requested)
      : no(
          refusal(
            'storage-class-not-bound',
            'vm-operator',
            `${what} uses storage class "${requested}", which is not a storage policy of namespace "${ns.name}"`,
            `Choose one of: ${offered.join(', ') || '(none assigned)'}`,
          ),
        )
  if (offered.length === 1) return ok(offered[0]!)
  if (offered.length === 0)
    return no(
      refusal(
        'storage-class-missing',
        'vm-operator',
        `${what} has no storage class and namespace "${ns.name}" has no storage policy`,
        'Assign a storage policy to the namespace',
      ),
    )
  return no(
    refusal(
      'storage-class-ambiguous',
      'vm-operator',
      `${what} names no storage class and namespace "${ns.name}" offers ${offered.length} (${offered.join(', ')}); the platform would not choose one for it`,
      `Set its storage class to one of: ${offered.join(', ')}`,
    ),
  )
}

/** A workload's VM class, resolved to its size: it must exist and be bound to the namespace. */
export function vmClassFor(
  r: ResolvedTopology,
  ns: NamespaceLike,
  requested: string,
  what: string,
): Choice<VmClass> {
  const bound = ns.spec.vmClasses
  const name = requested !== '' ? requested : bound.length === 1 ? bound[0]! : ''
  if (name === '')
    return no(
      refusal(
        'vm-class-missing',
        'vm-operator',
        `${what} names no VM class and namespace "${ns.name}" binds ${bound.length === 0 ? 'none' : `${bound.length} (${bound.join(', ')})`}`,
        bound.length === 0 ? 'Bind a VM class to the namespace' : `Choose one of: ${bound.join(', ')}`,
      ),
    )
  const cls = resolveVmClass(r, name)
  if (!cls)
    return no(
      refusal(
        'vm-class-not-found',
        'vm-operator',
        `${what} uses VM class "${name}", which does not exist`,
        'Use one of the 16 default classes or create the class',
      ),
    )
  if (!bound.includes(name))
    return no(
      refusal(
        'vm-class-not-bound',
        'vm-operator',
        `${what} uses VM class "${name}", which is not bound to namespace "${ns.name}"`,
        `Bind "${name}" to the namespace or choose one of: ${bound.join(', ') || '(none bound)'}`,
      ),
    )
  return ok(cls)
}

/** The network stack a Supervisor uses; NSX when it names none (its own rule reports that). */
export function networkStackOf(r: ResolvedTopology, supervisorId: string): SpecOf<'network'> | undefined {
  const net = r.networkOf(supervisorId)
  return isKind(net, 'network') ? r.spec(net) : undefined
}

export const isVdsStack = (r: ResolvedTopology, supervisorId: string) =>
  networkStackOf(r, supervisorId)?.type === 'vds'

const apiList = (apis: readonly string[]) => apis.join(', ')

/**
 * The vm-operator version VMs are written in: the one chosen when the vCenter serves it, else
 * the newest it serves. An unknown or missing version serves everything (its own rule says so).
 */
export function vmApiFor(version: string | undefined, chosen?: VmApi): Choice<VmApi> {
  const served = version === undefined ? [...VM_APIS] : servedApis(version, VM_APIS)
  if (served.length === 0)
    return no(
      refusal(
        'api-not-served',
        'apiserver',
        `${missingFeature(version ?? '', 'vm-service')}: kubectl would answer "no matches for kind VirtualMachine"`,
        `Choose vCenter ${FEATURES['vm-service'].since} or later, or remove the VM`,
      ),
    )
  if (chosen === undefined) return ok(served[served.length - 1]!)
  if (served.includes(chosen)) return ok(chosen)
  return no(
    refusal(
      'api-not-served',
      'apiserver',
      `vCenter ${version} does not serve ${API_SINCE[chosen].label} (it serves ${apiList(served)})`,
      `Export VMs as ${served[served.length - 1]}`,
    ),
  )
}

/** Newest first: the TKC versions a cluster with `api: tkc` may be written in. */
const TKC_WRITTEN: readonly ClusterApi[] = ['tkc-v1alpha3', 'tkc-v1alpha2']
const TKC_SERVED: readonly ServedClusterApi[] = [
  'tkc-v1alpha1',
  'tkc-v1alpha2',
  'tkc-v1alpha3',
  'capi-v1beta1',
]

/** The API a Kubernetes cluster is written in: the chosen one, else the newest its kind has that the vCenter serves. */
export function clusterApiFor(
  version: string | undefined,
  api: 'tkc' | 'capi',
  chosen?: ClusterApi,
): Choice<ClusterApi> {
  const candidates = chosen ? [chosen] : api === 'capi' ? (['capi-v1beta1'] as const) : TKC_WRITTEN
  if (version === undefined) return ok(candidates[0]!)
  const served = servedApis(version, TKC_SERVED)
  const pick = candidates.find((c) => served.includes(c))
  if (pick) return ok(pick)
  const written = candidates.map((c) => `${API_SINCE[c].label} (from ${API_SINCE[c].since})`).join(' or ')
  const writable = CLUSTER_APIS.filter((c) => served.includes(c))
  return no(
    refusal(
      'api-not-served',
      'apiserver',
      served.length === 0
        ? `vCenter ${version} serves no Kubernetes cluster API`
        : `vCenter ${version} does not serve ${written}; it serves ${served.map((s) => API_SINCE[s].label).join(', ')}${writable.length === 0 ? ', which the lab does not write' : ''}`,
      writable.length > 0
        ? `Write the cluster as ${writable.join(' or ')}`
        : `Choose vCenter ${API_SINCE[candidates[candidates.length - 1]!].since} or later`,
    ),
  )
}

/** The VKS version a Supervisor runs: its VKS Supervisor Service's, when the lab places one. */
export function vksVersionOf(r: ResolvedTopology, supervisorId: string): string | undefined {
  const vks = vksServiceOf(r, supervisorId)
  return vks ? serviceVersionOf('vks', r.spec(vks).version) : undefined
}

/**
 * The ClusterClass a Cluster (`api: capi`) is built from: the one it names, else
 * tanzukubernetescluster where the vCenter has it, else the newest builtin-generic class the
 * Supervisor's VKS publishes that builds the cluster's Kubernetes release (rules/cluster-classes.ts).
 */
export function clusterClassFor(
  r: ResolvedTopology,
  supervisorId: string | undefined,
  version: string | undefined,
  requested: string | undefined,
  release: string,
  what: string,
): Choice<ClusterClassRow> {
  const names = CLUSTER_CLASSES.map((c) => c.name).join(', ')
  if (requested) {
    const row = clusterClassNamed(requested)
    return row
      ? ok(row)
      : no(
          refusal(
            'cluster-class-unknown',
            'cluster-api',
            `${what} names ClusterClass "${requested}", which the lab does not know`,
            `Choose one of: ${names}`,
          ),
        )
  }
  const tkc = CLUSTER_CLASSES[0]!
  if (version === undefined || hasRow(version, tkc)) return ok(tkc)
  const vks = supervisorId === undefined ? undefined : vksVersionOf(r, supervisorId)
  const offered = CLUSTER_CLASSES.filter(
    (c) => c.vks !== undefined && vks !== undefined && compareDotted(c.vks, vks) <= 0 && hasRow(version, c),
  ).filter((c) => classBuilds(c, release))
  const pick = offered[offered.length - 1]
  if (pick) return ok(pick)
  return no(
    refusal(
      'cluster-class-missing',
      'cluster-api',
      vks === undefined
        ? `${what} names no ClusterClass; vCenter ${version} has no tanzukubernetescluster class and the Supervisor has no VKS Supervisor Service to say which builtin-generic classes it publishes`
        : `${what} names no ClusterClass, and VKS ${vks} publishes none that builds ${release}`,
      vks === undefined
        ? 'Add the VKS Supervisor Service to the Supervisor, or name a ClusterClass'
        : 'Name a ClusterClass, or choose another Kubernetes release',
    ),
  )
}
