import { usePlaybackStore, type Chip, type Highlight, type PlaybackState } from './playback-store'

const NO_CHIPS: Chip[] = []

/** A canvas object's status at the current step, or null when no run is loaded. */
export function usePlaybackStatus(nodeId: string): string | null {
  return usePlaybackStore((s: PlaybackState) => {
    // A host's own state (failed, maintenance) matters more than its inventory status.
    const hostState = s.engine?.hosts[nodeId]?.['state']
    if (hostState === 'failed') return 'Failed'
    if (hostState === 'maintenance') return 'Maintenance'
    const status = s.engine?.objects[nodeId]?.['status']
    return status === undefined ? null : String(status)
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

/** Share of a host's capacity reserved, 0..1 per resource, or null when no run is loaded. */
export function useHostUsage(hostId: string, resource: 'Cpu' | 'Memory'): number | null {
  return usePlaybackStore((s) => {
    const h = s.engine?.hosts[hostId]
    if (!h) return null
    const unit = resource === 'Cpu' ? 'Mhz' : 'MiB'
    const cap = Number(h[`capacity${resource}${unit}`] ?? 0)
    return cap > 0 ? Number(h[`reserved${resource}${unit}`] ?? 0) / cap : 0
  })
}

/** A namespace's usage line: pods and quota use, or null when no run is loaded. */
export function useNamespaceUsage(
  nsId: string,
): { label: string; short: string; share: number | null } | null {
  const label = usePlaybackStore((s) => {
    const ns = s.engine?.namespaces[nsId]
    if (!ns) return null
    const pods = Number(ns['pods'] ?? 0)
    const cpu = Number(ns['cpuMhz'] ?? 0)
    const quota = ns['quota:cpuMhz']
    return quota === undefined ? `${pods}|${cpu}|` : `${pods}|${cpu}|${String(quota)}`
  })
  if (label === null) return null
  const [pods, cpu, quota] = label.split('|')
  const share = quota ? Number(cpu) / Math.max(1, Number(quota)) : null
  return {
    label: `${pods} pods · ${cpu} MHz CPU limits${quota ? ` of ${quota} MHz quota` : ''}`,
    short: `${pods} pods`,
    share,
  }
}
