import { isKind, type ResolvedTopology } from '../resolve'
import type { LabNode } from '../topology'
import { supervisorOf, vcenterVersionOf } from './placement-of'
import { refusal, type Refusal } from './refusal'
import { missingFeature } from './versions'

/** Access modes the CSI driver serves with vSAN file shares rather than block disks. */
export const isFileVolume = (mode: string) => mode === 'ReadWriteMany' || mode === 'ReadOnlyMany'

/**
 * ReadWriteMany (and ReadOnlyMany) volumes are vSAN file shares: from 7.0U3, on a single-zone
 * Supervisor whose cluster runs vSAN File Services (rules/README.md: file volumes).
 */
export function fileVolumeRefusal(
  r: ResolvedTopology,
  ns: LabNode,
  pvc: LabNode & { kind: 'pvc' },
): Refusal | null {
  const mode = r.spec(pvc).accessMode
  if (!isFileVolume(mode)) return null
  const what = `PVC "${pvc.name}" asks for ${mode}`
  const missing = missingFeature(vcenterVersionOf(r, ns) ?? '', 'file-volumes')
  if (missing) return refusal('file-volume-unsupported', 'csi', `${what}: ${missing}`, 'Use ReadWriteOnce')
  const sv = supervisorOf(r, ns)
  if (!sv) return null
  if (r.spec(sv).zones === 3)
    return refusal(
      'file-volume-unsupported',
      'csi',
      `${what}, but a three-zone Supervisor supports no vSAN file (ReadWriteMany) volumes`,
      'Use ReadWriteOnce, or a single-zone Supervisor with vSAN File Services',
    )
  const off = r.clustersOf(sv.id).filter((c) => {
    if (!isKind(c, 'cluster')) return false
    const spec = r.spec(c)
    return !spec.vsan || !spec.vsanFileServices
  })
  if (off.length === 0) return null
  return refusal(
    'file-volume-unsupported',
    'csi',
    `${what}, which needs vSAN File Services; cluster "${off[0]!.name}" has ${r.spec(off[0] as LabNode & { kind: 'cluster' }).vsan ? 'them off' : 'no vSAN'}`,
    'Turn on vSAN and vSAN File Services on the cluster, or use ReadWriteOnce',
  )
}

/** On a three-zone Supervisor every storage policy must be zonal (available in all three zones). */
export function zonalPolicyRefusal(
  r: ResolvedTopology,
  within: LabNode,
  policyName: string,
  what: string,
): Refusal | null {
  const sv = supervisorOf(r, within)
  if (!sv || r.spec(sv).zones !== 3) return null
  const policy = r.byName('storage-policy', policyName)
  if (!isKind(policy, 'storage-policy') || r.spec(policy).zonal) return null
  return refusal(
    'storage-policy-not-zonal',
    'vm-operator',
    `${what} uses storage policy "${policyName}", which is not zonal; a three-zone Supervisor "${sv.name}" needs zonal policies`,
    `Mark storage policy "${policyName}" zonal, or choose a zonal one`,
  )
}
