import { vmApiFor } from '../domain/defaults'
import type { ResolvedTopology } from '../domain/resolve'
import { vcenterVersionOf } from '../domain/rules/placement-of'
import { VM_APIS, type VmApi } from '../domain/rules/versions'
import type { LabNode } from '../domain/topology'

/**
 * The VirtualMachine conditions the VM flow names, as the vm-operator API the VM is served in
 * names them (docs/platform-facts.md, "VM Service"): v1alpha1 has one VirtualMachinePrereqReady
 * condition; v1alpha2 on have a condition per prerequisite, VirtualMachineNetworkReady,
 * VirtualMachineConditionPlacementReady and VirtualMachineCreated; v1alpha4 and v1alpha5 add
 * VirtualMachineClassConfigurationSynced (v1alpha3's VirtualMachineConfigurationSynced) and
 * VirtualMachineDiskPromotionSynced. Read from vmware-tanzu/vm-operator
 * api/v1alpha{1,3,4,5}/virtualmachine_types.go; v1alpha2's list is taken as v1alpha3's (unverified).
 */
export interface VmConditions {
  api: VmApi
  /** The prerequisites VM Operator checks before it creates the VM, in a sentence. */
  prereqs: string
  /** The storage prerequisite's name, for a refusal. */
  storage: string
  /** Set when the NIC is ready; null where the version has no such condition. */
  network: string | null
  /** The placement condition, for a VM no host can take; null where the version has none. */
  placement: string | null
  created: string
  /** What the status also reports once the guest runs, where the version has it. */
  synced: string | null
}

const PER_PREREQ = {
  prereqs:
    'VirtualMachineClassReady, VirtualMachineImageReady, VirtualMachineStorageReady, VirtualMachineBootstrapReady',
  storage: 'VirtualMachineStorageReady',
  network: 'VirtualMachineNetworkReady',
  placement: 'VirtualMachineConditionPlacementReady',
  created: 'VirtualMachineCreated',
}

export function vmConditions(api: VmApi): VmConditions {
  if (api === 'v1alpha1')
    return {
      api,
      prereqs:
        'VirtualMachinePrereqReady (the class and its binding, the image and its content source binding, the resource policy)',
      storage: 'VirtualMachinePrereqReady',
      network: null,
      placement: null,
      created: 'phase Created',
      synced: null,
    }
  const synced =
    api === 'v1alpha4' || api === 'v1alpha5'
      ? 'VirtualMachineClassConfigurationSynced, VirtualMachineDiskPromotionSynced, GuestCustomization and VirtualMachineTools'
      : api === 'v1alpha3'
        ? 'VirtualMachineConfigurationSynced, GuestCustomization and VirtualMachineTools'
        : null
  return { api, ...PER_PREREQ, synced }
}

/**
 * The API a VM is served in: the one it was read in (its `extra.apiVersion`) where the vCenter
 * serves it, else the newest its vCenter serves (domain/defaults.ts vmApiFor, as the export).
 */
export function vmApiOfNode(r: ResolvedTopology, node: LabNode): VmApi {
  const version = vcenterVersionOf(r, node)
  const extra = (node.spec as { extra?: { apiVersion?: unknown } }).extra
  const read = VM_APIS.find((v) => extra?.apiVersion === `vmoperator.vmware.com/${v}`)
  const chosen = vmApiFor(version, read)
  if (chosen.ok) return chosen.value
  const newest = vmApiFor(version)
  return newest.ok ? newest.value : 'v1alpha3'
}

/** The conditions of a VM (or of a cluster's nodes: CAPV writes in the newest API served; assumed). */
export const conditionsOf = (r: ResolvedTopology, node: LabNode) => vmConditions(vmApiOfNode(r, node))

/** The conditions of a VM job: its own node's, or its cluster's for a node. */
export function jobConditions(r: ResolvedTopology, job: { id: string; owner?: string | undefined }) {
  const node = r.index.byId.get(job.owner ?? job.id)
  return node ? conditionsOf(r, node) : vmConditions('v1alpha3')
}
