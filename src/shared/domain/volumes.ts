import type { PodSpecT } from './specs'

export type PodVolume = PodSpecT['volumes'][number]

/** Where a pod volume's data comes from; one per volume, as in Kubernetes. */
export type VolumeSource = 'hostPath' | 'configMap' | 'secret' | 'emptyDir' | 'persistentVolumeClaim'

/** The volume's source: the first one set, a claim when none is. */
export function volumeSource(v: PodVolume): VolumeSource {
  if (v.hostPath !== undefined) return 'hostPath'
  if (v.configMap !== undefined) return 'configMap'
  if (v.secret !== undefined) return 'secret'
  if (v.emptyDir) return 'emptyDir'
  return 'persistentVolumeClaim'
}

/** The claim a volume mounts, or undefined when its data comes from elsewhere. */
export const claimOf = (v: PodVolume): string | undefined =>
  volumeSource(v) === 'persistentVolumeClaim' ? v.claimName : undefined
