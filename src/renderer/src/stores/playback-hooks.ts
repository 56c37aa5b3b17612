import { useSyncExternalStore } from 'react'

import {
  hostReservedShare,
  hostState,
  namespaceCount,
  namespaceQuota,
  objectText,
  type HostResource,
} from '../../../shared/engine/fields'
import type { EngineState } from '../../../shared/engine/types'
import type { Chip, Highlight } from '../playback/session-types'
import { session } from './playback-actions'
import { usePlaybackStore } from './playback-store'

const NO_CHIPS: Chip[] = []

/**
 * A value read from the engine state at the current step, through the session's subscribe
 * API (the state lives in the session, not in a store). `read` must return a primitive or a
 * stable object, as React compares snapshots by identity.
 */
function useEngineValue<T>(read: (state: Readonly<EngineState>) => T): T | null {
  return useSyncExternalStore(session.subscribe, () => {
    const state = session.state()
    return state ? read(state) : null
  })
}

/** A canvas object's status at the current step, or null when no run is loaded. */
export function usePlaybackStatus(nodeId: string): string | null {
  return useEngineValue((state) => {
    // A host's own state (failed, maintenance) matters more than its inventory status.
    const host = hostState(state, nodeId)
    if (host === 'failed') return 'Failed'
    if (host === 'maintenance') return 'Maintenance'
    return objectText(state, nodeId, 'status')
  })
}

/** The acting component, target and object of the current step, as canvas node ids. */
export function usePlaybackHighlight(): Highlight | null {
  return usePlaybackStore((s) => s.highlight)
}

/** How a node takes part in the current step: `actor`, `target`, `object` or null. */
export function useHighlightRole(nodeId: string): 'actor' | 'target' | 'object' | null {
  return usePlaybackStore((s) => {
    const h = s.highlight
    if (!h) return null
    if (h.actor === nodeId) return 'actor'
    if (h.target === nodeId) return 'target'
    return h.object === nodeId ? 'object' : null
  })
}

/** PodVMs and VMs placed on a host at the current step. */
export function useHostChips(hostId: string): Chip[] {
  return usePlaybackStore((s) => s.chips[hostId] ?? NO_CHIPS)
}

/** Share of a host's capacity reserved, 0..1, or null when no run is loaded. */
export function useHostUsage(hostId: string, resource: HostResource): number | null {
  return useEngineValue((state) => hostReservedShare(state, hostId, resource))
}

/** A namespace's usage line: pods and quota use, or null when no run is loaded. */
export function useNamespaceUsage(
  nsId: string,
): { label: string; short: string; share: number | null } | null {
  // Read as one string, so the component re-renders only when the line changes.
  const line = useEngineValue((state) => {
    if (!state.namespaces[nsId]) return null
    const quota = namespaceQuota(state, nsId, 'cpuMhz')
    return `${namespaceCount(state, nsId, 'pods')}|${namespaceCount(state, nsId, 'cpuMhz')}|${quota ?? ''}`
  })
  if (line === null) return null
  const [pods, cpu, quota] = line.split('|')
  const share = quota ? Number(cpu) / Math.max(1, Number(quota)) : null
  return {
    label: `${pods} pods · ${cpu} MHz CPU limits${quota ? ` of ${quota} MHz quota` : ''}`,
    short: `${pods} pods`,
    share,
  }
}
