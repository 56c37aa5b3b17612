import type { SpecOf } from '../../domain/specs'
import { isJsonObject, splitApiVersion, type Json, type JsonObject } from '../kube-object'
import type { Fail } from './read-workloads'

const obj = (v: Json | undefined): JsonObject => (isJsonObject(v) ? v : {})
const arr = (v: Json | undefined): Json[] => (Array.isArray(v) ? v : [])
const str = (v: Json | undefined): string | undefined => (typeof v === 'string' ? v : undefined)
const num = (v: Json | undefined): number | undefined => (typeof v === 'number' ? v : undefined)

const POWER: Readonly<Record<string, SpecOf<'vm'>['powerState']>> = {
  poweredOn: 'PoweredOn',
  poweredOff: 'PoweredOff',
  suspended: 'Suspended',
  PoweredOn: 'PoweredOn',
  PoweredOff: 'PoweredOff',
  Suspended: 'Suspended',
}

/** A VirtualMachine of any version the lab reads (DOMAIN.md 3.1). */
export function readVm(o: JsonObject, fail: Fail): SpecOf<'vm'> | null {
  const spec = obj(o.spec)
  const ref = obj(spec.image)
  const refKind: NonNullable<SpecOf<'vm'>['imageKind']> =
    ref.kind === 'ClusterVirtualMachineImage' ? 'ClusterVirtualMachineImage' : 'VirtualMachineImage'
  const image = str(spec.imageName) ?? str(ref.name)
  if (!image) return fail(['spec'], 'a VirtualMachine needs spec.imageName or spec.image.name')
  const className = str(spec.className)
  if (!className) return fail(['spec'], 'a VirtualMachine needs spec.className')
  const power = str(spec.powerState) ?? 'PoweredOn'
  const powerState = POWER[power]
  if (!powerState) return fail(['spec', 'powerState'], `unknown power state "${power}"`)
  const imageKind = spec.imageName === undefined && ref.name !== undefined ? { imageKind: refKind } : {}
  return { className, image, ...imageKind, storageClass: str(spec.storageClass) ?? '', powerState }
}

type Tkc = SpecOf<'tkc'>
const DEFAULT_VERSION = 'v1.26.5---vmware.2-fips.1-tkg.1'

/** TanzuKubernetesCluster v1alpha1 (count/class), v1alpha2 or v1alpha3 (replicas/vmClass). */
export function readTkc(o: JsonObject, fail: Fail): Tkc | null {
  const { version } = splitApiVersion(str(o.apiVersion) ?? '')
  const topology = obj(obj(o.spec).topology)
  const cp = obj(topology.controlPlane)
  if (version === 'v1alpha1') {
    const workers = obj(topology.workers)
    const replicas = num(cp.count) ?? 1
    if (replicas !== 1 && replicas !== 3)
      return fail(['spec', 'topology', 'controlPlane', 'count'], 'the control plane has 1 or 3 nodes')
    return {
      api: 'tkc',
      version: str(obj(obj(o.spec).distribution).version) ?? DEFAULT_VERSION,
      controlPlane: { replicas, vmClass: str(cp.class) ?? '', storageClass: str(cp.storageClass) ?? '' },
      nodePools: [
        {
          name: 'workers',
          replicas: num(workers.count) ?? 0,
          vmClass: str(workers.class) ?? '',
          storageClass: str(workers.storageClass) ?? '',
        },
      ],
    }
  }
  const replicas = num(cp.replicas) ?? 1
  if (replicas !== 1 && replicas !== 3)
    return fail(['spec', 'topology', 'controlPlane', 'replicas'], 'the control plane has 1 or 3 nodes')
  const tkr =
    str(obj(obj(cp.tkr).reference).name) ?? str(obj(obj(o.spec).distribution).fullVersion) ?? DEFAULT_VERSION
  return {
    api: 'tkc',
    version: tkr,
    controlPlane: { replicas, vmClass: str(cp.vmClass) ?? '', storageClass: str(cp.storageClass) ?? '' },
    nodePools: arr(topology.nodePools).map((raw, i) => {
      const p = obj(raw)
      return {
        name: str(p.name) ?? `np-${i + 1}`,
        replicas: num(p.replicas) ?? 0,
        vmClass: str(p.vmClass) ?? '',
        storageClass: str(p.storageClass) ?? '',
      }
    }),
  }
}

const variable = (list: Json | undefined, name: string) =>
  str(
    arr(list)
      .map(obj)
      .find((v) => v.name === name)?.value,
  )

/**
 * A Cluster API Cluster of class tanzukubernetescluster (DOMAIN.md 3.5) or a VKS
 * builtin-generic class; its class, when named, and each pool's failure domain are kept.
 */
export function readCapiCluster(o: JsonObject, fail: Fail): Tkc | null {
  const topology = obj(obj(o.spec).topology)
  const className = str(topology.class)
  const replicas = num(obj(topology.controlPlane).replicas) ?? 1
  if (replicas !== 1 && replicas !== 3)
    return fail(['spec', 'topology', 'controlPlane', 'replicas'], 'the control plane has 1 or 3 nodes')
  const vmClass = variable(topology.variables, 'vmClass')
  if (!vmClass)
    return fail(
      ['spec', 'topology', 'variables'],
      `class ${className ?? 'tanzukubernetescluster'} requires the variable vmClass`,
    )
  const storageClass = variable(topology.variables, 'storageClass') ?? ''
  return {
    api: 'capi',
    version: str(topology.version) ?? DEFAULT_VERSION,
    ...(className ? { clusterClass: className } : {}),
    controlPlane: { replicas, vmClass, storageClass },
    nodePools: arr(obj(topology.workers).machineDeployments).map((raw, i) => {
      const md = obj(raw)
      const overrides = obj(md.variables).overrides
      const failureDomain = str(md.failureDomain)
      return {
        name: str(md.name) ?? `np-${i + 1}`,
        replicas: num(md.replicas) ?? 0,
        vmClass: variable(overrides, 'vmClass') ?? vmClass,
        storageClass: variable(overrides, 'storageClass') ?? storageClass,
        ...(failureDomain ? { failureDomain } : {}),
      }
    }),
  }
}
