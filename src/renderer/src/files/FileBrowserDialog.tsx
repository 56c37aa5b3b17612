import { useState, type KeyboardEvent } from 'react'

import { ModalFrame } from '../dialogs/ModalFrame'
import { selectSnapshot, useLabStore } from '../stores/lab-store'
import { fileRequest, folderOf, joinPath, labFileName, LAB_EXTENSION, type FileMode } from './file-actions'
import { FolderList } from './FolderList'
import { useFolder } from './use-folder'
import './file-browser.css'

const TEXT: Record<FileMode, { title: string; action: string }> = {
  'new-lab': { title: 'New lab', action: 'Create' },
  'open-lab': { title: 'Open a lab', action: 'Open' },
  'save-lab-as': { title: 'Save lab as', action: 'Save' },
}

/**
 * The page's own file dialog (serve mode has no native one): one folder at a time, its folders
 * and lab files only (`listFolder`, docs/security.md). Open picks a lab; New and Save As take a
 * name in the folder shown and ask before replacing a lab that is there.
 */
export function FileBrowserDialog({ mode, onClose }: { mode: FileMode | null; onClose: () => void }) {
  return mode ? <FileBrowserBody key={mode} mode={mode} onClose={onClose} /> : null
}

function FileBrowserBody({ mode, onClose }: { mode: FileMode; onClose: () => void }) {
  const snapshot = useLabStore(selectSnapshot)
  const { listing, error, go } = useFolder(folderOf(snapshot?.path ?? null))
  const saving = mode !== 'open-lab'
  const [name, setName] = useState(
    mode === 'save-lab-as' ? `${snapshot?.name ?? 'lab'} copy` : 'Untitled lab',
  )
  const [picked, setPicked] = useState<string | null>(null)
  const [replace, setReplace] = useState<string | null>(null)
  const [failure, setFailure] = useState<string | null>(null)
  const [busy, setBusy] = useState(false)

  const target = saving ? (listing && name.trim() ? joinPath(listing.path, labFileName(name)) : null) : picked
  const submit = async (path: string | null, overwrite = false) => {
    if (!path || busy) return
    const exists = listing?.entries.some((e) => e.kind === 'lab' && e.path === path)
    if (saving && exists && !overwrite) return setReplace(path)
    setBusy(true)
    const result = await fileRequest(mode, path, overwrite)
    setBusy(false)
    if (result.ok) return onClose()
    // Another program made the file meanwhile: ask, as for one listed.
    if (result.error.code === 'exists') return setReplace(path)
    setFailure(result.error.message)
  }
  const onNameKey = (e: KeyboardEvent) => {
    if (e.key === 'Enter') void submit(target)
  }

  return (
    <ModalFrame
      title={TEXT[mode].title}
      testId="file-browser"
      className="file-browser"
      data={{ 'data-mode': mode }}
      closeLabel="Cancel"
      focusClose={!saving}
      onClose={onClose}
    >
      <div className="file-browser-body">
        <nav className="file-places" aria-label="Places">
          {listing?.places.map((place) => (
            <button key={place.path} type="button" data-testid="file-place" onClick={() => go(place.path)}>
              {place.name}
            </button>
          ))}
        </nav>
        <FolderList
          listing={listing}
          picked={picked}
          onFolder={(path) => {
            setPicked(null)
            go(path)
          }}
          onLab={(path, file, open) => {
            setFailure(null)
            if (saving) setName(file.slice(0, -LAB_EXTENSION.length))
            else setPicked(path)
            if (open && !saving) void submit(path)
          }}
        />
      </div>
      {error ? (
        <div className="export-error" role="alert" data-testid="file-browser-error">
          {error}
        </div>
      ) : null}
      {replace ? (
        <div
          className="file-replace"
          role="alertdialog"
          aria-label="Replace the lab?"
          data-testid="file-replace"
        >
          <span>
            <strong>{replace}</strong> already exists. Replace it? Its history and runs are lost.
          </span>
          <button type="button" data-testid="file-replace-confirm" onClick={() => void submit(replace, true)}>
            Replace
          </button>
          <button type="button" data-testid="file-replace-cancel" onClick={() => setReplace(null)}>
            Keep it
          </button>
        </div>
      ) : null}
      {failure ? (
        <div className="export-error" role="alert" data-testid="file-browser-failure">
          {failure}
        </div>
      ) : null}
      <footer className="export-footer">
        {saving ? (
          <label className="file-name">
            Name
            <input
              data-testid="file-name"
              value={name}
              autoFocus
              onChange={(e) => {
                setName(e.target.value)
                setReplace(null)
              }}
              onKeyDown={onNameKey}
            />
            <span className="file-extension">{LAB_EXTENSION}</span>
          </label>
        ) : (
          <span className="file-picked" data-testid="file-picked">
            {picked ?? 'Pick a lab file'}
          </span>
        )}
        <span className="spacer" />
        <button
          type="button"
          className="primary"
          data-testid="file-browser-submit"
          disabled={!target || busy}
          onClick={() => void submit(target)}
        >
          {TEXT[mode].action}
        </button>
      </footer>
    </ModalFrame>
  )
}
