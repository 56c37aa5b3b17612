/** How a status reads at a glance: done, failing, not there, or on its way. */
export type Tone = 'ok' | 'bad' | 'idle' | 'busy'

const OK = new Set(['Running', 'Ready', 'Bound'])
const BAD = new Set(['Failed', 'ImagePullBackOff', 'NotReady'])
const IDLE = new Set(['Absent', 'Deleted'])

export function toneOf(status: string | null): Tone {
  if (status === null || IDLE.has(status)) return 'idle'
  if (OK.has(status)) return 'ok'
  return BAD.has(status) ? 'bad' : 'busy'
}

/** Tones in the order a summary lists them. */
export const TONES: readonly Tone[] = ['ok', 'busy', 'bad', 'idle']
