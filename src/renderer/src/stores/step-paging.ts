import { MAX_STEP_PAGE } from '../../../shared/contract/contract'
import { labClient } from '../api/lab-client'
import type { PlaybackSession } from '../playback/session'
import { usePlaybackStore as store } from './playback-store'

/** Steps asked for per request (a page of the 10,000-pod run is a few megabytes of JSON). */
export const PAGE_STEPS = MAX_STEP_PAGE
/**
 * Steps kept loaded past the position (or a seek waiting for steps), asked for even while
 * playing: a page arrives long before the clock needs its steps.
 */
export const LEAD_STEPS = 4000
/** How long to wait before asking again when the service had no new steps yet (still planning). */
const GROWING_POLL_MS = 300
/** Rows fetched around the event list's visible rows, so a scroll of a screen needs no request. */
const WINDOW_MARGIN = 200

/**
 * Pages a run's steps into the session: first what playback reaches for (the position or a seek
 * waiting for steps, plus LEAD_STEPS), as soon as the steps are planned; then, once the run is
 * planned, the rest in the background while the player rests (not while it plays, when a page
 * of a few megabytes would cost frames), so far seeks, filters and search reach every step.
 * `loading` stays true until every step is here. Runs until the returned stop.
 */
export function followSession(session: PlaybackSession, fail: (message: string) => void): () => void {
  let asking = false
  /** A run whose paging failed: not asked again until another run opens. */
  let broken: string | null = null
  /** The run last asked for its end: asked once (a run stored without one has none to give). */
  let endAsked: string | null = null
  const next = async (): Promise<void> => {
    const v = session.view()
    if (!v.runId && store.getState().loading) store.setState({ loading: false })
    if (asking || !v.runId || v.runId === broken) return
    const runId = v.runId
    const loaded = v.steps.length
    const complete = session.complete()
    const wanted = loaded < Math.min(v.total, session.wanted() + LEAD_STEPS)
    const rest = complete && !v.playing && loaded < v.total
    const loading = !complete || loaded < v.total
    if (store.getState().loading !== loading) store.setState({ loading })
    if (!wanted && !rest) {
      if (session.wantsEnd() && runId !== endAsked) await askEnd(runId, loaded + 1)
      return
    }
    asking = true
    const result = await labClient().getRunSteps({ runId, from: loaded + 1, count: PAGE_STEPS })
    if (result.ok && result.value.steps.length === 0)
      await new Promise((resolve) => setTimeout(resolve, GROWING_POLL_MS))
    asking = false
    if (session.view().runId !== runId) return next()
    if (!result.ok) {
      broken = runId
      store.setState({ loading: false })
      return fail(result.error.message)
    }
    const page = result.value
    session.append(page.from, page.steps, page.total, page.complete, page.end)
    return next()
  }
  /** A run whose last page came while it was planned: the empty page past its end brings the end. */
  const askEnd = async (runId: string, from: number): Promise<void> => {
    endAsked = runId
    asking = true
    const result = await labClient().getRunSteps({ runId, from, count: 1 })
    asking = false
    if (!result.ok || session.view().runId !== runId) return next()
    const page = result.value
    session.append(page.from, page.steps, page.total, page.complete, page.end)
    return next()
  }
  return session.subscribe(() => void next())
}

/** The event list's rows past the loaded steps: one window, the one last scrolled to. */
let windowWanted: { runId: string; from: number; to: number } | null = null
let windowAsking = false

/**
 * Fetches steps `from`..`to` for the event list when they are past the steps playback has
 * loaded, so scrolling far down a run of a hundred thousand steps loads only what is in view.
 */
export async function showListWindow(runId: string, from: number, to: number): Promise<void> {
  const { listWindow, steps } = store.getState()
  const first = Math.max(from, steps.length + 1)
  if (first > to) return
  const held = listWindow?.runId === runId ? listWindow : null
  if (held && held.from <= first && held.from + held.steps.length > to) return
  windowWanted = { runId, from: first, to }
  if (windowAsking) return
  windowAsking = true
  while (windowWanted) {
    const asked = windowWanted
    windowWanted = null
    const start = Math.max(1, asked.from - WINDOW_MARGIN)
    const count = Math.min(PAGE_STEPS, asked.to - start + 1 + WINDOW_MARGIN)
    const result = await labClient().getRunSteps({ runId: asked.runId, from: start, count })
    if (result.ok && store.getState().runId === asked.runId)
      store.setState({ listWindow: { runId: asked.runId, from: start, steps: result.value.steps } })
  }
  windowAsking = false
}
