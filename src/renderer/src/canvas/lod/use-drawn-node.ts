import { useInternalNode, type InternalNode } from '@xyflow/react'

import { currentContainerOf } from './lod-store'

/**
 * The canvas node that stands for `id`: its own when it is drawn, else the large container it is
 * a member of (a PodVM in a summarised namespace), so playback points at every object.
 */
export function useDrawnNode(id: string | null | undefined): InternalNode | undefined {
  const own = useInternalNode(id ?? '')
  const container = useInternalNode(own || !id ? '' : (currentContainerOf(id) ?? ''))
  return own ?? container
}
