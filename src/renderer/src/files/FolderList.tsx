import type { KeyboardEvent } from 'react'

import type { Listing } from './use-folder'

interface Props {
  listing: Listing | null
  picked: string | null
  onFolder: (path: string) => void
  /** A lab clicked (`open`: double-clicked or Enter). */
  onLab: (path: string, name: string, open: boolean) => void
}

/**
 * The folder shown: Up, its path, then its folders and lab files. Keys: Up and Down between
 * entries, Enter into a folder or to open a lab, Backspace to the folder above.
 */
export function FolderList({ listing, picked, onFolder, onLab }: Props) {
  const up = listing?.parent ?? null
  const onKeyDown = (e: KeyboardEvent<HTMLUListElement>) => {
    const rows = [...e.currentTarget.querySelectorAll<HTMLElement>('[data-testid="file-entry"]')]
    const at = rows.indexOf(document.activeElement as HTMLElement)
    const move = e.key === 'ArrowDown' ? 1 : e.key === 'ArrowUp' ? -1 : 0
    if (move !== 0) {
      e.preventDefault()
      rows[Math.min(rows.length - 1, Math.max(0, at + move))]?.focus()
    } else if (e.key === 'Backspace' && up) {
      e.preventDefault()
      onFolder(up)
    }
  }
  return (
    <div className="file-folder">
      <div className="file-path">
        <button type="button" data-testid="file-up" disabled={!up} onClick={() => up && onFolder(up)}>
          Up
        </button>
        <span data-testid="file-path" title={listing?.path}>
          {listing?.path ?? 'Reading…'}
        </span>
      </div>
      <ul
        className="file-entries"
        aria-label="Folders and labs"
        data-testid="file-entries"
        onKeyDown={onKeyDown}
      >
        {listing?.entries.map((entry) => (
          <li key={entry.path}>
            <button
              type="button"
              data-testid="file-entry"
              data-kind={entry.kind}
              data-name={entry.name}
              aria-pressed={entry.kind === 'lab' ? picked === entry.path : undefined}
              onClick={() =>
                entry.kind === 'folder' ? onFolder(entry.path) : onLab(entry.path, entry.name, false)
              }
              onDoubleClick={() => entry.kind === 'lab' && onLab(entry.path, entry.name, true)}
              onKeyDown={(e) => {
                if (e.key !== 'Enter' || entry.kind !== 'lab') return
                e.preventDefault()
                onLab(entry.path, entry.name, true)
              }}
            >
              <span className={`file-icon file-icon-${entry.kind}`} aria-hidden="true" />
              <span className="file-entry-name">{entry.name}</span>
              <span className="file-entry-kind">{entry.kind === 'folder' ? 'folder' : 'lab'}</span>
            </button>
          </li>
        ))}
        {listing && listing.entries.length === 0 ? (
          <li className="file-empty" data-testid="file-empty">
            No folders or labs here.
          </li>
        ) : null}
        {listing?.truncated ? (
          <li className="file-empty" data-testid="file-truncated">
            This folder holds more than can be listed; only the first {listing.entries.length} are shown.
          </li>
        ) : null}
      </ul>
    </div>
  )
}
