import { useEffect } from 'react'

import {
  copySelection,
  deleteSelection,
  duplicate,
  paste,
  setSearchOpen,
  setSelection,
} from '../stores/canvas-actions'
import { redo, undo } from '../stores/lab-actions'
import { useLabStore } from '../stores/lab-store'

const typing = (target: EventTarget | null) =>
  target instanceof HTMLElement &&
  (target.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName))

/**
 * The editing keys users expect from diagram tools. Ctrl on Linux and Windows, Cmd on macOS.
 * Keys typed into a form field belong to the field, except Ctrl/Cmd+F.
 */
export function useShortcuts() {
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      const mod = e.ctrlKey || e.metaKey
      const key = e.key.toLowerCase()
      if (mod && key === 'f') {
        e.preventDefault()
        setSearchOpen(true)
        return
      }
      if (typing(e.target)) return
      const run = (action: () => unknown) => {
        e.preventDefault()
        void action()
      }
      if (key === 'delete' || key === 'backspace') run(deleteSelection)
      else if (key === 'escape') run(() => setSelection([]))
      else if (!mod) return
      else if (key === 'z' && e.shiftKey) run(redo)
      else if (key === 'z' || (key === 'y' && !e.shiftKey)) run(key === 'z' ? undo : redo)
      else if (key === 'c') run(copySelection)
      else if (key === 'v') run(paste)
      else if (key === 'd') run(duplicate)
      else if (key === 'a') run(selectAllRoots)
    }
    window.addEventListener('keydown', onKey)
    return () => window.removeEventListener('keydown', onKey)
  }, [])
}

/** Ctrl/Cmd+A selects every top-level object (deleting them clears the lab in one step). */
function selectAllRoots() {
  const topology = useLabStore.getState().snapshot?.topology
  if (topology) setSelection(topology.nodes.filter((n) => n.parentId === null).map((n) => n.id))
}
