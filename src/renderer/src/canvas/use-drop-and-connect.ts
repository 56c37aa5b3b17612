import { useReactFlow, type Connection } from '@xyflow/react'
import { useCallback, type DragEvent } from 'react'

import { connectBatch } from '../../../shared/domain/edit-builders'
import { isPlaceableKind, type Kind } from '../../../shared/domain/kinds'
import type { Topology } from '../../../shared/domain/topology'
import { sendBatch } from '../stores/edit-actions'
import { toast } from '../stores/notice-store'
import { setSelection } from '../stores/selection-store'
import { newId } from './new-id'
import { bindProblem, dropBatch, PALETTE_MIME } from './palette-drop'
import type { Rect } from './to-flow'

/** Palette drops (create, or refuse with the reason) and handle drags (bind a Supervisor). */
export function useDropAndConnect(topology: Topology, rects: ReadonlyMap<string, Rect>) {
  const { screenToFlowPosition } = useReactFlow()
  const onDrop = useCallback(
    (e: DragEvent) => {
      e.preventDefault()
      const kind = e.dataTransfer.getData(PALETTE_MIME) as Kind
      if (!kind || !isPlaceableKind(kind)) return
      const result = dropBatch(kind, screenToFlowPosition({ x: e.clientX, y: e.clientY }), topology, rects)
      if ('reason' in result) toast(result.reason, 'error')
      else void sendBatch(result.batch).then((ok) => ok && setSelection([result.id]))
    },
    [screenToFlowPosition, topology, rects],
  )
  const onConnect = useCallback(
    ({ source, target }: Connection) => {
      const problem = bindProblem(topology, source, target)
      if (problem) return toast(problem, 'error')
      void sendBatch(
        connectBatch(topology, { id: newId('link'), kind: 'supervisor-cluster', source, target }),
      )
    },
    [topology],
  )
  return { onDrop, onConnect }
}
