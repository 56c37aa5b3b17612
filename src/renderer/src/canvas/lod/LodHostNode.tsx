import type { NodeProps } from '@xyflow/react'
import { memo, useMemo } from 'react'

import { useHostChips } from '../../stores/playback-hooks'
import { CardNode } from '../nodes/CardNode'
import type { LabFlowNode } from '../to-flow'
import type { LodGroupData } from './LodGroupNode'
import { useSpark } from './run-hooks'
import { Sparkline } from './Sparkline'
import { toneOf } from './tones'

export const LOD_HOST_TYPE = 'lod-host'

/** What a host's node carries in a large lab: the members map its sparkline is walked with. */
export interface LodHostData extends Record<string, unknown> {
  lodHost: { containerOf: LodGroupData['lod']['containerOf'] }
}

/**
 * A host in a lab with large containers: the usual card, and during a run its PodVMs and VMs
 * counted by status with a sparkline of how many it ran over the run, instead of a chip each
 * (a host of a 20,000-PodVM lab runs hundreds).
 */
export const LodHostNode = memo(function LodHostNode(props: NodeProps<LabFlowNode>) {
  const { containerOf } = (props.data as unknown as LodHostData).lodHost
  return (
    <>
      <CardNode {...props} />
      <HostSummary hostId={props.id} containerOf={containerOf} />
    </>
  )
})

const HostSummary = memo(function HostSummary({
  hostId,
  containerOf,
}: {
  hostId: string
  containerOf: ReadonlyMap<string, string>
}) {
  const chips = useHostChips(hostId)
  const spark = useSpark(hostId, containerOf)
  const counts = useMemo(() => {
    const byStatus = new Map<string, number>()
    for (const c of chips) byStatus.set(c.status, (byStatus.get(c.status) ?? 0) + 1)
    return [...byStatus].sort((a, b) => b[1] - a[1])
  }, [chips])
  if (chips.length === 0 && !spark) return null
  return (
    <div className="lod-host" data-testid={`lod-host-${hostId}`}>
      <div className="lod-line lod-counts">
        {counts.slice(0, 3).map(([status, n]) => (
          <span key={status} className={`lod-count tone-${toneOf(status)}`} data-status={status}>
            <b>{n}</b> {status}
          </span>
        ))}
      </div>
      {spark ? <Sparkline spark={spark} label="PodVMs and VMs on this host" /> : null}
    </div>
  )
})
