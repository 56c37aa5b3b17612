/**
 * The engine's public API: plan a run, read its states, parse faults. Pure and deterministic
 * (see README.md for the invariants).
 */
export { plan, planWithEnd } from './plan'
export { createCursor, CHECKPOINT_EVERY, type Cursor, type RunEnd } from './cursor'
export { initialState, applyEffects, revertEffects, cloneState, statusOf, STATUS, SETTLED_OK } from './state'
export { parseFault, formatFault } from './fault-syntax'
export { faultProblem, FaultError } from './faults'
export { place, type PlacementNeed } from './placement'
export { podSize, type PodSize } from './sizing'
export { LANES, LANE_ORDER } from './lanes'
export { TIMING } from './timing'
export * from './types'
