import { useEffect } from 'react'

import { jumpEnd, jumpStart, stepBack, stepForward, togglePlay } from '../stores/playback-actions'

const KEYS: Record<string, () => void> = {
  ' ': togglePlay,
  ArrowLeft: stepBack,
  ArrowRight: stepForward,
  Home: jumpStart,
  End: jumpEnd,
}

/** Space, Left, Right, Home and End drive playback, except while typing in a field. */
export function usePlaybackKeys() {
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      const el = e.target as HTMLElement | null
      if (el && (el.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(el.tagName))) return
      if (e.ctrlKey || e.metaKey || e.altKey) return
      const action = KEYS[e.key]
      if (!action) return
      e.preventDefault()
      action()
    }
    window.addEventListener('keydown', onKey)
    return () => window.removeEventListener('keydown', onKey)
  }, [])
}
