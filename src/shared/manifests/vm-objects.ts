import type { SpecOf } from '../domain/specs'
import type { JsonObject, KubeObject, ObjectComment } from './kube-object'
import { INFERRED, VM_SELECTOR_LABEL } from './lab-annotations'
import type { VmApi } from './options'
import { servicePorts } from './workload-objects'

/**
 * VM Service objects in the chosen vm-operator version (DOMAIN.md 3.1): v1alpha1 spells power
 * states in lower case and names its NIC by network type; v1alpha2 and later use PoweredOn and a
 * `network` block, left to defaults here (the namespace network).
 */

const V1ALPHA1_POWER = { PoweredOn: 'poweredOn', PoweredOff: 'poweredOff', Suspended: 'suspended' } as const

/** v1alpha1 names the NIC by network type; a VPC subnet set is `nsx-t-subnetset` (inferred, DOMAIN.md 3.1). */
const V1ALPHA1_NETWORK = {
  nsx: 'nsx-t',
  vds: 'vsphere-distributed',
  'nsx-vpc': 'nsx-t-subnetset',
} as const

export function vmObject(
  name: string,
  ns: string,
  spec: SpecOf<'vm'>,
  api: VmApi,
  networkType: SpecOf<'network'>['type'],
): { object: KubeObject; comments: ObjectComment[] } {
  const body: JsonObject = { className: spec.className }
  // v1alpha3 on reference the image as {kind, name}; imageName is the older form (DOMAIN.md 3.1).
  if (spec.imageKind && api !== 'v1alpha1' && api !== 'v1alpha2')
    body.image = { kind: spec.imageKind, name: spec.image }
  else body.imageName = spec.image
  if (spec.storageClass) body.storageClass = spec.storageClass
  body.powerState = api === 'v1alpha1' ? V1ALPHA1_POWER[spec.powerState] : spec.powerState
  if (api === 'v1alpha1') body.networkInterfaces = [{ networkType: V1ALPHA1_NETWORK[networkType] }]
  return {
    object: {
      apiVersion: `vmoperator.vmware.com/${api}`,
      kind: 'VirtualMachine',
      metadata: { name, namespace: ns, labels: { [VM_SELECTOR_LABEL]: name } },
      spec: body,
    },
    comments: [{ path: ['metadata', 'labels', VM_SELECTOR_LABEL], text: INFERRED.vmLabel }],
  }
}

/** A load balancer in front of VMs: the vm-operator counterpart of a Service. */
export function vmServiceObject(name: string, ns: string, spec: SpecOf<'service'>, api: VmApi): KubeObject {
  const body: JsonObject = { type: spec.type }
  body.ports = servicePorts(spec)
  body.selector = { ...spec.selector }
  return {
    apiVersion: `vmoperator.vmware.com/${api}`,
    kind: 'VirtualMachineService',
    metadata: { name, namespace: ns },
    spec: body,
  }
}
