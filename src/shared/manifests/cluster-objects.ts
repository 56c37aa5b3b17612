import type { SpecOf } from '../domain/specs'
import type { JsonObject, KubeObject } from './kube-object'
import type { ClusterApi } from './options'

/**
 * Kubernetes clusters as TanzuKubernetesCluster (v1alpha2 and v1alpha3 share the body,
 * DOMAIN.md 3.4) or as a Cluster API Cluster of class `tanzukubernetescluster` whose
 * required variables are vmClass and storageClass (DOMAIN.md 3.5).
 */

type TkcSpecT = SpecOf<'tkc'>

export function clusterObject(name: string, ns: string, spec: TkcSpecT, api: ClusterApi): KubeObject {
  return api === 'capi-v1beta1' ? capiCluster(name, ns, spec) : tkc(name, ns, spec, api)
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
  const variables: JsonObject[] = [{ name: 'vmClass', value: cp.vmClass }]
  if (cp.storageClass) variables.push({ name: 'storageClass', value: cp.storageClass })
  const machineDeployments = spec.nodePools.map((p) => {
    const md: JsonObject = { class: 'node-pool', name: p.name, replicas: p.replicas }
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
        class: 'tanzukubernetescluster',
        version: spec.version,
        controlPlane: { replicas: cp.replicas },
        workers: { machineDeployments },
        variables,
      },
    },
  }
}
