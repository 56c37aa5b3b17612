import type { PlaybackClock } from './session-types'

/** The play clock of a page: animation frames, the performance clock and intervals. */
export const browserClock: PlaybackClock = {
  now: () => performance.now(),
  frame(callback) {
    const id = requestAnimationFrame(callback)
    return () => cancelAnimationFrame(id)
  },
  every(ms, callback) {
    const id = setInterval(callback, ms)
    return () => clearInterval(id)
  },
  idle(callback) {
    // Browsers without idle callbacks (Safari, in serve mode) get the next turn of the loop.
    if (typeof requestIdleCallback !== 'function') {
      const id = setTimeout(callback, 0)
      return () => clearTimeout(id)
    }
    const id = requestIdleCallback(() => callback())
    return () => cancelIdleCallback(id)
  },
}
