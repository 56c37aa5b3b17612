import { useState, type KeyboardEvent } from 'react'

import type { Topology } from '../../../shared/domain/topology'
import { selectSearchOpen, setSearchOpen, useSearchStore } from '../stores/search-store'
import { focusObject } from '../stores/selection-store'
import { searchMatches } from './search-match'

/** Ctrl/Cmd+F: find objects by name; Enter centres on the next match; Escape closes (keymap). */
export function SearchBox({ topology }: { topology: Topology }) {
  const open = useSearchStore(selectSearchOpen)
  const [query, setQuery] = useState('')
  const [at, setAt] = useState(0)
  if (!open) return null
  const q = query.trim()
  const matches = searchMatches(topology, q)
  const onKey = (e: KeyboardEvent) => {
    if (e.key !== 'Enter' || matches.length === 0) return
    const match = matches[at % matches.length]
    if (match) focusObject(match.id)
    setAt(at + 1)
  }
  return (
    <div className="search-box">
      <input
        autoFocus
        data-testid="search"
        placeholder="Find by name (or namespace/name), Enter to jump"
        value={query}
        onChange={(e) => {
          setQuery(e.target.value)
          setAt(0)
        }}
        onKeyDown={onKey}
      />
      <span className="muted">{q ? `${matches.length} match${matches.length === 1 ? '' : 'es'}` : ''}</span>
      <button type="button" aria-label="Close search" onClick={() => setSearchOpen(false)}>
        ×
      </button>
    </div>
  )
}
