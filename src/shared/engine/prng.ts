/**
 * A pure PRNG: the n-th number of a run is a function of (seed, n) alone, so there is no
 * hidden generator state to share or reset. mulberry32 over the seed mixed with the counter.
 */
export function random(seed: number, counter: number): number {
  let a = (Math.imul(seed | 0, 0x9e3779b1) + Math.imul(counter | 0, 0x85ebca6b)) | 0
  a = (a + 0x6d2b79f5) | 0
  let t = Math.imul(a ^ (a >>> 15), 1 | a)
  t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t
  return ((t ^ (t >>> 14)) >>> 0) / 4294967296
}
