import { create } from 'zustand'

import type { AppInfo, EventPayload } from '../../../shared/contract/contract'
import type { z } from 'zod'

export type LabSnapshot = EventPayload<'labChanged'>

interface LabState {
  /** The lab as the service last reported it; the canvas derives from it. */
  snapshot: LabSnapshot | null
  appInfo: z.output<typeof AppInfo> | null
  /** The last request that failed, shown in a banner until dismissed. */
  error: string | null
}

/** A read-only mirror of the service's lab; written only by lab-actions. */
export const useLabStore = create<LabState>()(() => ({ snapshot: null, appInfo: null, error: null }))

export const selectSnapshot = (s: LabState) => s.snapshot
export const selectTopology = (s: LabState) => s.snapshot?.topology ?? null
export const selectError = (s: LabState) => s.error
export const selectAppInfo = (s: LabState) => s.appInfo
