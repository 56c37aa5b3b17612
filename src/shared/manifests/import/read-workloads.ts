import type { SpecOf } from '../../domain/specs'
import { parseCpu, parseMemory } from '../../domain/units'
import type { PodVolume } from '../../domain/volumes'
import { isJsonObject, type Json, type JsonObject } from '../kube-object'

/**
 * Kubernetes objects back to lab specs. Each reader gets the object and `fail(path, message)`,
 * and returns the spec, or null after reporting why it cannot.
 */
export type Fail = (path: (string | number)[], message: string) => null

const obj = (v: Json | undefined): JsonObject => (isJsonObject(v) ? v : {})
const arr = (v: Json | undefined): Json[] => (Array.isArray(v) ? v : [])
const str = (v: Json | undefined): string | undefined => (typeof v === 'string' ? v : undefined)

export function stringMap(v: Json | undefined): Record<string, string> {
  const out: Record<string, string> = {}
  for (const [k, val] of Object.entries(obj(v))) if (typeof val === 'string') out[k] = val
  return out
}

function quantity(
  kind: 'cpu' | 'memory',
  v: Json | undefined,
  path: (string | number)[],
  fail: Fail,
): number | undefined | null {
  if (v === undefined) return undefined
  const n =
    typeof v === 'string' || typeof v === 'number' ? (kind === 'cpu' ? parseCpu(v) : parseMemory(v)) : null
  return n === null
    ? fail(path, `${JSON.stringify(v)} is not a ${kind === 'cpu' ? 'CPU' : 'memory'} quantity`)
    : n
}

function resources(v: Json | undefined, path: (string | number)[], fail: Fail) {
  const r = obj(v)
  const cpu = quantity('cpu', r.cpu, [...path, 'cpu'], fail)
  const memory = quantity('memory', r.memory, [...path, 'memory'], fail)
  if (cpu === null || memory === null) return null
  const out: { cpu?: number; memory?: number } = {}
  if (cpu !== undefined) out.cpu = cpu
  if (memory !== undefined) out.memory = memory
  return out
}

/** A pod spec (of a Pod, or a Deployment's template) at `base`. */
export function readPodSpec(
  spec: JsonObject,
  labels: Record<string, string>,
  base: (string | number)[],
  fail: Fail,
): SpecOf<'pod'> | null {
  const containers: SpecOf<'pod'>['containers'] = []
  let ok = true
  arr(spec.containers).forEach((raw, i) => {
    const c = obj(raw)
    const at = [...base, 'containers', i]
    const resourcesOf = obj(c.resources)
    const requests = resources(resourcesOf.requests, [...at, 'resources', 'requests'], fail)
    const limits = resources(resourcesOf.limits, [...at, 'resources', 'limits'], fail)
    if (!requests || !limits) {
      ok = false
      return
    }
    containers.push({
      name: str(c.name) ?? `container-${i + 1}`,
      image: str(c.image) ?? '',
      ports: arr(c.ports).map((p) => {
        const port = obj(p)
        const protocol = str(port.protocol)
        const name = str(port.name)
        return {
          containerPort: typeof port.containerPort === 'number' ? port.containerPort : 0,
          protocol: protocol === 'UDP' || protocol === 'SCTP' ? protocol : 'TCP',
          ...(name === undefined ? {} : { name }),
        }
      }),
      requests,
      limits,
    })
  })
  if (!ok) return null
  if (containers.length === 0) return fail([...base, 'containers'], 'a pod needs at least one container')
  const volumes = arr(spec.volumes)
    .map(readVolume)
    .filter((v): v is PodVolume => v !== null)
  return { containers, labels, hostNetwork: spec.hostNetwork === true, volumes }
}

/**
 * A volume of a source the lab models; null for others (csi, projected, nfs...), which the
 * import keeps verbatim with the object instead.
 */
function readVolume(raw: Json): PodVolume | null {
  const v = obj(raw)
  const name = str(v.name)
  if (name === undefined) return null
  const claim = str(obj(v.persistentVolumeClaim).claimName)
  if (claim !== undefined) return { name, claimName: claim }
  const hostPath = str(obj(v.hostPath).path)
  if (hostPath !== undefined) return { name, claimName: '', hostPath }
  const configMap = str(obj(v.configMap).name)
  if (configMap !== undefined) return { name, claimName: '', configMap }
  const secret = str(obj(v.secret).secretName)
  if (secret !== undefined) return { name, claimName: '', secret }
  if (isJsonObject(v.emptyDir)) return { name, claimName: '', emptyDir: true }
  return null
}

export function readPod(o: JsonObject, fail: Fail): SpecOf<'pod'> | null {
  return readPodSpec(obj(o.spec), stringMap(obj(o.metadata).labels), ['spec'], fail)
}

export function readDeployment(o: JsonObject, fail: Fail): SpecOf<'deployment'> | null {
  const spec = obj(o.spec)
  const template = obj(spec.template)
  const pod = readPodSpec(
    obj(template.spec),
    stringMap(obj(template.metadata).labels),
    ['spec', 'template', 'spec'],
    fail,
  )
  if (!pod) return null
  const replicas = spec.replicas === undefined ? 1 : spec.replicas
  if (typeof replicas !== 'number') return fail(['spec', 'replicas'], 'replicas must be a number')
  return { ...pod, replicas }
}

/**
 * A Service of a type the lab models; 'opaque' for others (ExternalName), kept as written. A
 * named target port is modelled as the port itself, and the name is kept with the object.
 */
export function readService(o: JsonObject, fail: Fail): SpecOf<'service'> | 'opaque' | null {
  const spec = obj(o.spec)
  const type = str(spec.type) ?? 'ClusterIP'
  if (type !== 'LoadBalancer' && type !== 'ClusterIP' && type !== 'NodePort') return 'opaque'
  const ports: SpecOf<'service'>['ports'] = []
  for (const [i, raw] of arr(spec.ports).entries()) {
    const p = obj(raw)
    if (typeof p.port !== 'number') return fail(['spec', 'ports', i, 'port'], 'port must be a number')
    const target = typeof p.targetPort === 'number' ? p.targetPort : p.port
    const name = str(p.name)
    ports.push({
      port: p.port,
      targetPort: target,
      protocol: str(p.protocol) === 'UDP' ? 'UDP' : 'TCP',
      ...(name === undefined ? {} : { name }),
    })
  }
  return { type, selector: stringMap(spec.selector), ports }
}

export function readPvc(o: JsonObject, fail: Fail): SpecOf<'pvc'> | null {
  const spec = obj(o.spec)
  const size = quantity(
    'memory',
    obj(obj(spec.resources).requests).storage,
    ['spec', 'resources', 'requests', 'storage'],
    fail,
  )
  if (size === null) return null
  if (size === undefined || size <= 0)
    return fail(['spec', 'resources'], 'a claim needs resources.requests.storage')
  const mode = str(arr(spec.accessModes)[0])
  const accessMode = mode === 'ReadWriteMany' || mode === 'ReadOnlyMany' ? mode : 'ReadWriteOnce'
  return { storageClass: str(spec.storageClassName) ?? '', sizeMiB: size, accessMode }
}
