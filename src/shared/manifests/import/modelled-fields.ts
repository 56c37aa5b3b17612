import { DEFAULT_CLUSTER_NETWORK } from '../cluster-objects'
import { isJsonObject, type Json } from '../kube-object'
import type { Role } from './classify'

/**
 * The fields the lab keeps of each kind it models. Anything else in an imported object is
 * dropped, and import says so (a warning with its position) instead of losing it silently.
 * `true` keeps a whole subtree; `[shape]` is a list of items; a key ending in `*` is a prefix.
 */
type Shape = true | readonly [Shape] | { readonly [key: string]: Shape }

const META = { name: true, namespace: true } as const
const CONTAINER = {
  name: true,
  image: true,
  ports: [{ containerPort: true, protocol: true, name: true }],
  resources: { requests: { cpu: true, memory: true }, limits: { cpu: true, memory: true } },
} as const
const POD_SPEC = {
  containers: [CONTAINER],
  volumes: [{ name: true, persistentVolumeClaim: { claimName: true } }],
} as const
const SERVICE = {
  metadata: META,
  spec: { type: true, selector: true, ports: [{ name: true, protocol: true, port: true, targetPort: true }] },
} as const
const TKC_TOPOLOGY = {
  controlPlane: { replicas: true, vmClass: true, storageClass: true, tkr: true, count: true, class: true },
  nodePools: [{ name: true, replicas: true, vmClass: true, storageClass: true, tkr: true }],
  workers: { count: true, class: true, storageClass: true },
} as const

const SHAPES: Readonly<Partial<Record<Role, Shape>>> = {
  namespace: {
    metadata: { name: true, labels: { vSphereClusterID: true }, annotations: { 'pacific-lab.dev/*': true } },
  },
  pod: { metadata: { ...META, labels: true }, spec: POD_SPEC },
  deployment: {
    metadata: { ...META, labels: true },
    spec: { replicas: true, selector: true, template: { metadata: { labels: true }, spec: POD_SPEC } },
  },
  service: SERVICE,
  'vm-service': SERVICE,
  pvc: {
    metadata: META,
    spec: { accessModes: true, storageClassName: true, resources: { requests: { storage: true } } },
  },
  vm: {
    metadata: { ...META, labels: true },
    spec: {
      className: true,
      imageName: true,
      image: true,
      storageClass: true,
      powerState: true,
      networkInterfaces: true,
    },
  },
  tkc: { metadata: META, spec: { topology: TKC_TOPOLOGY, distribution: true } },
  'capi-cluster': {
    metadata: META,
    spec: {
      topology: {
        class: true,
        version: true,
        controlPlane: { replicas: true },
        workers: { machineDeployments: [{ class: true, name: true, replicas: true, variables: true }] },
        variables: true,
      },
    },
  },
}

/** Set by the API server, never part of a design: not worth a warning. */
const SERVER_SET = new Set([
  'uid',
  'resourceVersion',
  'generation',
  'creationTimestamp',
  'managedFields',
  'selfLink',
])

function keyShape(shape: { readonly [key: string]: Shape }, key: string): Shape | undefined {
  if (key in shape) return shape[key]
  const prefix = Object.keys(shape).find((k) => k.endsWith('*') && key.startsWith(k.slice(0, -1)))
  return prefix === undefined ? undefined : shape[prefix]
}

function walk(value: Json, shape: Shape, path: (string | number)[], out: (string | number)[][]) {
  if (shape === true) return
  if (Array.isArray(shape)) {
    if (Array.isArray(value)) value.forEach((item, i) => walk(item, shape[0] as Shape, [...path, i], out))
    return
  }
  if (!isJsonObject(value)) return
  for (const [key, child] of Object.entries(value)) {
    const inner = keyShape(shape as { readonly [key: string]: Shape }, key)
    if (inner === undefined) out.push([...path, key])
    else walk(child, inner, [...path, key], out)
  }
}

/** Paths of an object's fields the lab does not keep for `role` (empty for unmodelled roles). */
export function droppedFields(object: { [key: string]: Json }, role: Role): (string | number)[][] {
  const shape = SHAPES[role]
  if (!shape) return []
  const out: (string | number)[][] = []
  for (const [key, value] of Object.entries(object)) {
    if (key === 'apiVersion' || key === 'kind' || key === 'status') continue
    const inner = keyShape(shape as { readonly [key: string]: Shape }, key)
    if (inner === undefined) out.push([key])
    else walk(value, inner, [key], out)
  }
  const defaultNetwork = JSON.stringify(DEFAULT_CLUSTER_NETWORK)
  return out.filter(
    (p) =>
      !(p[0] === 'metadata' && p.length === 2 && SERVER_SET.has(String(p[1]))) &&
      // The network the export writes for every Cluster is the lab's, not a dropped setting.
      !(
        role === 'capi-cluster' &&
        p.join('.') === 'spec.clusterNetwork' &&
        JSON.stringify(isJsonObject(object.spec) ? object.spec.clusterNetwork : null) === defaultNetwork
      ),
  )
}
