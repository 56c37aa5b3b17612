import { create } from 'zustand'

import { collapsedShown, type LodPlan } from './plan'

interface LodState {
  /**
   * Large containers the user opened in a lab whose large containers open as summary cards.
   * Kept for this session only: a lab of thousands of PodVMs always reopens as an overview.
   */
  expanded: readonly string[]
}

/** What the level of detail shows open, beside the collapsed groups stored with the lab. */
export const useLodStore = create<LodState>()(() => ({ expanded: [] }))

export const selectExpanded = (s: LodState) => s.expanded

/** The plan the canvas drew last, for actions outside it (the collapse toggle, reveal). */
let current: LodPlan | null = null

export const publishPlan = (plan: LodPlan) => {
  current = plan
}

/** The large container `id` is a member of, in the plan drawn last. */
export const currentContainerOf = (id: string) => current?.containerOf.get(id)

/**
 * The containers drawn collapsed now, for an edit's layout (`settleBatch`) to size them as drawn:
 * in a lab whose large containers open summarised, the summary cards.
 */
export const currentCollapsed = (collapsed: readonly string[]): Set<string> =>
  current ? collapsedShown(current, collapsed) : new Set(collapsed)

/**
 * The collapse toggle of a large container in a lab whose large containers open summarised:
 * it opens or closes it for this session. False for every other container (stored as usual).
 */
export function toggleSummarised(id: string): boolean {
  if (!current?.summariseByDefault || !current.containers.has(id)) return false
  const { expanded } = useLodStore.getState()
  useLodStore.setState({
    expanded: expanded.includes(id) ? expanded.filter((e) => e !== id) : [...expanded, id],
  })
  return true
}
