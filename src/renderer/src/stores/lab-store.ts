import { create } from 'zustand'

import type { AppInfo, LabSnapshot } from '../../../shared/contract/contract'
import type { z } from 'zod'

export type { LabSnapshot }

interface LabState {
  /** The lab as the service last reported it; the canvas derives from it. */
  snapshot: LabSnapshot | null
  appInfo: z.output<typeof AppInfo> | null
  /** How many times the lab was written: one per change the service pushed (tests count them). */
  writes: number
}

/** A read-only mirror of the service's lab; its one writer is lab-sync.ts. */
export const useLabStore = create<LabState>()(() => ({ snapshot: null, appInfo: null, writes: 0 }))

export const selectSnapshot = (s: LabState) => s.snapshot
export const selectTopology = (s: LabState) => s.snapshot?.topology ?? null
export const selectAppInfo = (s: LabState) => s.appInfo
export const selectWrites = (s: LabState) => s.writes

/** The open lab's topology now, for actions (components select it instead). */
export const currentTopology = () => useLabStore.getState().snapshot?.topology ?? null
