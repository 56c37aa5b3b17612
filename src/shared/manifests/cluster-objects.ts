import { CLUSTER_CLASSES, clusterClassNamed } from '../domain/rules/cluster-classes'
import type { SpecOf } from '../domain/specs'
import type { JsonObject, KubeObject } from './kube-object'
import type { ClusterApi } from './options'

/**
 * Kubernetes clusters as TanzuKubernetesCluster (v1alpha2 and v1alpha3 share the body,
 * DOMAIN.md 3.4) or as a Cluster API Cluster of class `tanzukubernetescluster` or a VKS
 * `builtin-generic-v3.x` class, whose required variables are vmClass and storageClass
 * (DOMAIN.md 3.5; rules/cluster-classes.ts). Node pools keep their failure domain.
 */

type TkcSpecT = SpecOf<'tkc'>

/** The forms a cluster is written in: the export's choices and v1alpha1, kept for what was read so. */
export type ClusterForm = ClusterApi | 'tkc-v1alpha1'

export const CLUSTER_FORM_API_VERSION: Readonly<Record<ClusterForm, string>> = {
  'tkc-v1alpha1': 'run.tanzu.vmware.com/v1alpha1',
  'tkc-v1alpha2': 'run.tanzu.vmware.com/v1alpha2',
  'tkc-v1alpha3': 'run.tanzu.vmware.com/v1alpha3',
  'capi-v1beta1': 'cluster.x-k8s.io/v1beta1',
}

/**
 * The form a cluster was read in, when it can be written back so: the same API as the lab's
 * `api`, and v1alpha1 only while it has its one worker pool. Undefined for a cluster made in the
 * lab, whose form the vCenter's version decides (domain/defaults.ts).
 */
export function readClusterForm(spec: TkcSpecT): ClusterForm | undefined {
  const read = (Object.keys(CLUSTER_FORM_API_VERSION) as ClusterForm[]).find(
    (f) => CLUSTER_FORM_API_VERSION[f] === spec.extra?.apiVersion,
  )
  const sameApi = read !== undefined && (read === 'capi-v1beta1') === (spec.api === 'capi')
  return sameApi && (read !== 'tkc-v1alpha1' || spec.nodePools.length === 1) ? read : undefined
}

/** The form of a cluster with no choice made: its own `api` in the newest form the lab writes. */
export const defaultClusterForm = (spec: TkcSpecT): ClusterForm =>
  spec.api === 'capi' ? 'capi-v1beta1' : 'tkc-v1alpha3'

export function clusterObject(name: string, ns: string, spec: TkcSpecT, form: ClusterForm): KubeObject {
  if (form === 'capi-v1beta1') return capiCluster(name, ns, spec)
  if (form === 'tkc-v1alpha1') return tkcV1alpha1(name, ns, spec)
  return tkc(name, ns, spec, form)
}

/** The 2020 shape: one control plane and one worker set by count and class (DOMAIN.md 3.4). */
function tkcV1alpha1(name: string, ns: string, spec: TkcSpecT): KubeObject {
  const part = (count: number, vmClass: string, storageClass: string): JsonObject =>
    storageClass ? { count, class: vmClass, storageClass } : { count, class: vmClass }
  const pool = spec.nodePools[0]
  const cp = spec.controlPlane
  return {
    apiVersion: CLUSTER_FORM_API_VERSION['tkc-v1alpha1'],
    kind: 'TanzuKubernetesCluster',
    metadata: { name, namespace: ns },
    spec: {
      distribution: { version: spec.version },
      topology: {
        controlPlane: part(cp.replicas, cp.vmClass, cp.storageClass),
        workers: part(pool?.replicas ?? 0, pool?.vmClass ?? cp.vmClass, pool?.storageClass ?? ''),
      },
    },
  }
}

function tkc(name: string, ns: string, spec: TkcSpecT, api: 'tkc-v1alpha3' | 'tkc-v1alpha2'): KubeObject {
  const tkr = { reference: { name: spec.version } }
  const controlPlane: JsonObject = {
    replicas: spec.controlPlane.replicas,
    vmClass: spec.controlPlane.vmClass,
  }
  if (spec.controlPlane.storageClass) controlPlane.storageClass = spec.controlPlane.storageClass
  controlPlane.tkr = tkr
  const nodePools = spec.nodePools.map((p) => {
    const pool: JsonObject = { name: p.name, replicas: p.replicas, vmClass: p.vmClass }
    if (p.storageClass) pool.storageClass = p.storageClass
    pool.tkr = { reference: { name: spec.version } }
    return pool
  })
  return {
    apiVersion: `run.tanzu.vmware.com/${api === 'tkc-v1alpha2' ? 'v1alpha2' : 'v1alpha3'}`,
    kind: 'TanzuKubernetesCluster',
    metadata: { name, namespace: ns },
    spec: { topology: { controlPlane, nodePools } },
  }
}

/** TKC defaults (DOMAIN.md 6.3), written out because a Cluster has no defaults for them. */
const SERVICES_CIDR = '10.96.0.0/12'
const PODS_CIDR = '192.168.0.0/16'

/** The only cluster network the lab writes; import warns about any other (it is not modelled). */
export const DEFAULT_CLUSTER_NETWORK = {
  services: { cidrBlocks: [SERVICES_CIDR] },
  pods: { cidrBlocks: [PODS_CIDR] },
  serviceDomain: 'cluster.local',
}

function capiCluster(name: string, ns: string, spec: TkcSpecT): KubeObject {
  const cp = spec.controlPlane
  const cls = clusterClassNamed(spec.clusterClass ?? '') ?? CLUSTER_CLASSES[0]!
  const variables: JsonObject[] = [{ name: 'vmClass', value: cp.vmClass }]
  if (cp.storageClass) variables.push({ name: 'storageClass', value: cp.storageClass })
  const machineDeployments = spec.nodePools.map((p) => {
    const md: JsonObject = { class: 'node-pool', name: p.name, replicas: p.replicas }
    if (p.failureDomain) md.failureDomain = p.failureDomain
    const overrides: JsonObject[] = []
    if (p.vmClass !== cp.vmClass) overrides.push({ name: 'vmClass', value: p.vmClass })
    if (p.storageClass !== cp.storageClass) overrides.push({ name: 'storageClass', value: p.storageClass })
    if (overrides.length) md.variables = { overrides }
    return md
  })
  return {
    apiVersion: 'cluster.x-k8s.io/v1beta1',
    kind: 'Cluster',
    metadata: { name, namespace: ns },
    spec: {
      clusterNetwork: DEFAULT_CLUSTER_NETWORK,
      topology: {
        class: cls.name,
        // VKS classes live in their own namespace ([PAPI-TF]; rules/cluster-classes.ts).
        ...(cls.namespace ? { classNamespace: cls.namespace } : {}),
        version: spec.version,
        controlPlane: { replicas: cp.replicas },
        workers: { machineDeployments },
        variables,
      },
    },
  }
}
