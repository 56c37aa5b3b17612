import { useCallback, useEffect, useState } from 'react'

import type { Output } from '../../../shared/contract/contract'
import { labClient } from '../api/lab-client'

export type Listing = Output<'listFolder'>

/**
 * One folder of the file browser (`listFolder`: folders and lab files only). A folder that
 * cannot be listed leaves the last listing in place and says why, naming the folder.
 */
export function useFolder(start: string | null) {
  const [listing, setListing] = useState<Listing | null>(null)
  const [error, setError] = useState<string | null>(null)
  const go = useCallback((path: string | null) => {
    void labClient()
      .listFolder(path ? { path } : {})
      .then((result) => {
        if (result.ok) {
          setListing(result.value)
          setError(null)
        } else setError(result.error.message)
      })
  }, [])
  useEffect(() => go(start), [go, start])
  return { listing, error, go }
}
