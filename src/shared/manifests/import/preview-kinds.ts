import { splitApiVersion } from '../kube-object'

/**
 * The seed deck shows the 2019 Project Pacific preview's `KubernetesCluster` and
 * `VirtualMachine` in VMware API groups that never shipped (DOMAIN.md 1.4). Import keeps them
 * as they are and says what the product calls them today. Other vendors' kinds of the same
 * name (Crossplane, Gloo) are not VMware's and get no note.
 */
const TODAY: Readonly<Record<string, string>> = {
  KubernetesCluster:
    'run.tanzu.vmware.com TanzuKubernetesCluster (topology.controlPlane and nodePools; workers count/class became replicas/vmClass), or a Cluster API Cluster of class tanzukubernetescluster or builtin-generic-v3.x (VKS)',
  VirtualMachine:
    'a VM Service VirtualMachine, vmoperator.vmware.com (className, imageName or image, storageClass, powerState; no restartPolicy in any public version)',
}

/** The note for a 2019 preview kind, or null when the object is not one. */
export function previewKindNote(apiVersion: string, kind: string): string | null {
  const { group } = splitApiVersion(apiVersion)
  const today = TODAY[kind]
  if (!today || !/(^|\.)vmware\.com$/.test(group) || group === 'vmoperator.vmware.com') return null
  return `${apiVersion} ${kind} is the 2019 Project Pacific preview form, which no released vSphere serves; today's equivalent is ${today} (DOMAIN.md 1.4). It is kept as written and is not part of the lab's model`
}
