import { memo } from 'react'

import { chipsThatFit } from '../canvas/fit-chips'
import {
  useHighlightRole,
  useHostChips,
  useHostUsage,
  useNamespaceUsage,
  usePlaybackStatus,
} from '../stores/playback-hooks'

/** Class names and `data-status` a canvas node adds during playback (nothing without a run). */
export function usePlaybackNodeAttrs(nodeId: string): { className: string; status: string | undefined } {
  const status = usePlaybackStatus(nodeId)
  const role = useHighlightRole(nodeId)
  const statusClass = status ? ` pb-status-${status.toLowerCase().replace(/[^a-z]+/g, '-')}` : ''
  return { className: `${statusClass}${role ? ` pb-${role}` : ''}`, status: status ?? undefined }
}

/** The object's status at the current step, as a badge. */
export const StatusBadge = memo(function StatusBadge({ nodeId }: { nodeId: string }) {
  const status = usePlaybackStatus(nodeId)
  if (!status) return null
  return (
    <span className="pb-badge" data-testid={`status-${nodeId}`} data-status={status}>
      {status}
    </span>
  )
})

const Bar = ({ label, share }: { label: string; share: number }) => (
  <div className="pb-bar" title={`${label} ${Math.round(share * 100)}% reserved`}>
    <span className="pb-bar-label">{label}</span>
    <span className="pb-bar-track">
      <span
        className={`pb-bar-fill${share > 0.9 ? ' is-high' : ''}`}
        style={{ width: `${Math.min(100, share * 100)}%` }}
      />
    </span>
  </div>
)

/**
 * A host during playback: CPU and memory reservation bars and one row of chips for what runs on
 * it, inside the card: as many chips as fit `width`, then "+N" for the rest.
 */
export const HostPlayback = memo(function HostPlayback({ hostId, width }: { hostId: string; width: number }) {
  const cpu = useHostUsage(hostId, 'cpu')
  const mem = useHostUsage(hostId, 'memory')
  const chips = useHostChips(hostId)
  if (cpu === null || mem === null) return null
  const shown = chipsThatFit(
    chips.map((c) => c.name),
    width,
  )
  const hidden = chips.slice(shown)
  return (
    <div className="pb-host" data-testid={`host-usage-${hostId}`}>
      <Bar label="CPU" share={cpu} />
      <Bar label="Mem" share={mem} />
      <div className="pb-chips">
        {chips.slice(0, shown).map((c) => (
          <span
            key={c.id}
            className={`pb-chip chip-${c.kind}`}
            data-testid={`chip-${c.id}`}
            title={`${c.name}: ${c.status}`}
          >
            {c.name}
          </span>
        ))}
        {hidden.length > 0 ? (
          <span
            className="pb-chip more"
            data-testid={`chips-more-${hostId}`}
            title={hidden.map((c) => `${c.name}: ${c.status}`).join('\n')}
          >
            +{hidden.length}
          </span>
        ) : null}
      </div>
    </div>
  )
})

/** A namespace during playback: pods and quota use. */
export const NamespacePlayback = memo(function NamespacePlayback({ nsId }: { nsId: string }) {
  const usage = useNamespaceUsage(nsId)
  if (!usage) return null
  return (
    <div className="pb-ns" data-testid={`ns-usage-${nsId}`} title={usage.label}>
      {usage.share !== null ? <Bar label="Quota" share={usage.share} /> : null}
      <span className="pb-ns-label">{usage.short}</span>
    </div>
  )
})
