import { useCallback, useEffect, useState } from 'react'

import type { MenuState } from '../../../shared/menu/app-menu'
import { labClient } from '../api/lab-client'
import { selectSnapshot, useLabStore } from '../stores/lab-store'

/** The recent labs for Open Recent: read when the open lab changes and when a menu opens. */
export function useRecentLabs(): [MenuState['recent'], () => void] {
  const path = useLabStore(selectSnapshot)?.path ?? null
  const [recent, setRecent] = useState<MenuState['recent']>([])
  const refresh = useCallback(() => {
    void labClient()
      .listRecentLabs({})
      .then((result) => {
        if (result.ok) setRecent(result.value.labs)
      })
  }, [])
  useEffect(() => refresh(), [path, refresh])
  return [recent, refresh]
}
