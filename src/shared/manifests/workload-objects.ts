import type { ContainerT, PodSpecT, SpecOf } from '../domain/specs'
import { formatCpu, formatMemory } from '../domain/units'
import { volumeSource, type PodVolume } from '../domain/volumes'
import type { JsonObject, KubeObject } from './kube-object'

/** Pods, Deployments, Services and PVCs: plain Kubernetes objects in the namespace. */

function resources(r: ContainerT['requests']): JsonObject | null {
  const out: JsonObject = {}
  if (r.cpu !== undefined) out.cpu = formatCpu(r.cpu)
  if (r.memory !== undefined) out.memory = formatMemory(r.memory)
  return Object.keys(out).length ? out : null
}

function container(c: ContainerT): JsonObject {
  const out: JsonObject = { name: c.name, image: c.image }
  if (c.ports.length)
    out.ports = c.ports.map((p) => {
      const port: JsonObject = p.name === undefined ? {} : { name: p.name }
      return { ...port, containerPort: p.containerPort, protocol: p.protocol }
    })
  const requests = resources(c.requests)
  const limits = resources(c.limits)
  if (requests || limits) {
    const res: JsonObject = {}
    if (requests) res.requests = requests
    if (limits) res.limits = limits
    out.resources = res
  }
  return out
}

export function podSpecBody(spec: PodSpecT): JsonObject {
  const out: JsonObject = {}
  if (spec.hostNetwork) out.hostNetwork = true
  out.containers = spec.containers.map(container)
  if (spec.volumes.length) out.volumes = spec.volumes.map(volume)
  return out
}

/** A pod volume with its one source; a hostPath stays a hostPath (the platform refuses it). */
function volume(v: PodVolume): JsonObject {
  switch (volumeSource(v)) {
    case 'hostPath':
      return { name: v.name, hostPath: { path: v.hostPath ?? '' } }
    case 'configMap':
      return { name: v.name, configMap: { name: v.configMap ?? '' } }
    case 'secret':
      return { name: v.name, secret: { secretName: v.secret ?? '' } }
    case 'emptyDir':
      return { name: v.name, emptyDir: {} }
    case 'persistentVolumeClaim':
      return { name: v.name, persistentVolumeClaim: { claimName: v.claimName } }
  }
}

const hasKeys = (r: Record<string, string>) => Object.keys(r).length > 0

export function podObject(name: string, ns: string, spec: PodSpecT): KubeObject {
  const metadata: KubeObject['metadata'] = { name, namespace: ns }
  if (hasKeys(spec.labels)) metadata.labels = { ...spec.labels }
  return { apiVersion: 'v1', kind: 'Pod', metadata, spec: podSpecBody(spec) }
}

/** A Deployment's pods carry its labels; with none, `app: <name>` so the selector is never empty. */
export function deploymentObject(name: string, ns: string, spec: SpecOf<'deployment'>): KubeObject {
  const labels = hasKeys(spec.labels) ? { ...spec.labels } : { app: name }
  return {
    apiVersion: 'apps/v1',
    kind: 'Deployment',
    metadata: { name, namespace: ns, labels },
    spec: {
      replicas: spec.replicas,
      selector: { matchLabels: { ...labels } },
      template: { metadata: { labels: { ...labels } }, spec: podSpecBody(spec) },
    },
  }
}

export function serviceObject(name: string, ns: string, spec: SpecOf<'service'>): KubeObject {
  const body: JsonObject = { type: spec.type }
  if (hasKeys(spec.selector)) body.selector = { ...spec.selector }
  body.ports = servicePorts(spec)
  return { apiVersion: 'v1', kind: 'Service', metadata: { name, namespace: ns }, spec: body }
}

/** Service ports, each named (several ports must be): its own name, else `<protocol>-<port>`. */
export const servicePorts = (spec: SpecOf<'service'>): JsonObject[] =>
  spec.ports.map((p) => ({
    name: p.name ?? `${p.protocol.toLowerCase()}-${p.port}`,
    protocol: p.protocol,
    port: p.port,
    targetPort: p.targetPort,
  }))

export function pvcObject(name: string, ns: string, spec: SpecOf<'pvc'>): KubeObject {
  const body: JsonObject = { accessModes: [spec.accessMode] }
  if (spec.storageClass) body.storageClassName = spec.storageClass
  body.resources = { requests: { storage: formatMemory(spec.sizeMiB) } }
  return { apiVersion: 'v1', kind: 'PersistentVolumeClaim', metadata: { name, namespace: ns }, spec: body }
}
