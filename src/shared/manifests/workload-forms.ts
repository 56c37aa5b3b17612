import type { ExtraFields } from '../domain/extra-fields'
import type { Kind } from '../domain/kinds'
import type { SpecOf } from '../domain/specs'

type NetworkType = SpecOf<'network'>['type']
import { clusterObject, defaultClusterForm, readClusterForm, type ClusterForm } from './cluster-objects'
import type { KubeObject, ObjectComment } from './kube-object'
import { VM_SELECTOR_LABEL } from './lab-annotations'
import { VM_APIS, type VmApi } from './options'
import { vmObject, vmServiceObject } from './vm-objects'
import { deploymentObject, podObject, pvcObject, serviceObject } from './workload-objects'

/**
 * One workload as a Kubernetes object, in the form the export's options choose or, where they
 * leave it open, the form it was imported in (its `extra`), so an imported object goes back out
 * as it came in. Import builds the same objects to find what it must keep (kept-fields.ts).
 */

/** What a workload's object depends on around it. */
export interface WorkloadContext {
  /** The vSphere Namespace's name. */
  ns: string
  network: NetworkType
  /** Names of the namespace's VMs and labels of its pods: a Service selecting only VMs is a VirtualMachineService. */
  vmNames: readonly string[]
  podLabels: readonly Record<string, string>[]
}

/**
 * The forms to write one object in. The export sets them per object from the domain's resolver
 * (the export's options, else the form it was read in, else what the lab's vCenter serves);
 * import leaves them unset to build the object as it was read.
 */
export interface FormOptions {
  vmApi?: VmApi
  clusterForm?: ClusterForm
}

export interface BuiltObject {
  object: KubeObject
  comments: ObjectComment[]
}

/** A workload as the lab holds it: kind, name and spec (with its `extra` when imported). */
export interface WorkloadLike {
  kind: Kind
  name: string
  spec: Record<string, unknown>
}

/** The VM API an object was read in, or undefined for one made in the lab. */
export function readVmApi(extra: ExtraFields | undefined): VmApi | undefined {
  return VM_APIS.find((v) => extra?.apiVersion === `vmoperator.vmware.com/${v}`)
}

const vmApiOf = (extra: ExtraFields | undefined, option: VmApi | undefined): VmApi =>
  option ?? readVmApi(extra) ?? 'v1alpha3'

const plain = (object: KubeObject): BuiltObject => ({ object, comments: [] })

/** The lab's object for one workload node; null for kinds that are not Kubernetes objects. */
export function workloadObjectInForm(
  node: WorkloadLike,
  ctx: WorkloadContext,
  options: FormOptions,
): BuiltObject | null {
  const { name } = node
  switch (node.kind) {
    case 'pod':
      return plain(podObject(name, ctx.ns, node.spec as SpecOf<'pod'>))
    case 'deployment':
      return plain(deploymentObject(name, ctx.ns, node.spec as SpecOf<'deployment'>))
    case 'pvc':
      return plain(pvcObject(name, ctx.ns, node.spec as SpecOf<'pvc'>))
    case 'service': {
      const spec = node.spec as SpecOf<'service'>
      return plain(
        isVmService(spec, ctx)
          ? vmServiceObject(name, ctx.ns, spec, vmApiOf(spec.extra, options.vmApi))
          : serviceObject(name, ctx.ns, spec),
      )
    }
    case 'vm': {
      const spec = node.spec as SpecOf<'vm'>
      return vmObject(name, ctx.ns, spec, vmApiOf(spec.extra, options.vmApi), ctx.network)
    }
    case 'tkc': {
      const spec = node.spec as SpecOf<'tkc'>
      return plain(
        clusterObject(
          name,
          ctx.ns,
          spec,
          options.clusterForm ?? readClusterForm(spec) ?? defaultClusterForm(spec),
        ),
      )
    }
    case 'opaque': {
      // An object the lab does not model: written back exactly as it was read.
      const manifest = (node.spec as SpecOf<'opaque'>).manifest
      return typeof manifest.kind === 'string' ? plain(manifest as KubeObject) : null
    }
    case 'vcenter':
    case 'cluster':
    case 'host':
    case 'storage-policy':
    case 'content-library':
    case 'network':
    case 'supervisor':
    case 'supervisor-service':
    case 'namespace':
    case 'control-plane-vm':
    case 'spherelet':
    case 'vm-class':
    case 'vm-image':
    case 'namespace-network':
      return null
  }
}

/** A Service written as a VirtualMachineService: read as one, or selecting lab VMs and no pods. */
export function isVmService(spec: SpecOf<'service'>, ctx: WorkloadContext): boolean {
  const readKind = spec.extra?.kind
  if (readKind === 'VirtualMachineService') return true
  return readKind !== 'Service' && selectsOnlyVms(spec.selector, ctx.vmNames, ctx.podLabels)
}

const matches = (selector: Record<string, string>, labels: Record<string, string>) =>
  Object.entries(selector).every(([k, v]) => labels[k] === v)

/** A Service is a VirtualMachineService when its selector picks lab VMs and no pods. */
export function selectsOnlyVms(
  selector: Record<string, string>,
  vmNames: readonly string[],
  podLabels: readonly Record<string, string>[],
): boolean {
  if (Object.keys(selector).length === 0) return false
  const vm = vmNames.some((name) => matches(selector, { [VM_SELECTOR_LABEL]: name }))
  return vm && !podLabels.some((labels) => matches(selector, labels))
}
