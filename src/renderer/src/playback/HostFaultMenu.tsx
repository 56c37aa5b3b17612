import { useEffect, useRef, type KeyboardEvent } from 'react'

import { useDisplayNames } from '../stores/display-names'
import { closeHostMenu, injectFault } from '../stores/playback-actions'
import { selectHostMenu, selectSeq, usePlaybackStore } from '../stores/playback-store'

/** Arrow Up and Down move between a menu's items, as in any menu. */
function moveFocus(e: KeyboardEvent<HTMLDivElement>) {
  const step = e.key === 'ArrowDown' ? 1 : e.key === 'ArrowUp' ? -1 : 0
  if (step === 0) return
  e.preventDefault()
  const items = [...e.currentTarget.querySelectorAll<HTMLElement>('[role="menuitem"]')]
  const at = items.indexOf(document.activeElement as HTMLElement)
  items[(at + step + items.length) % items.length]?.focus()
}

/**
 * A host's context menu during playback: fail it or put it in maintenance at the next step.
 * It takes the focus when it opens; Escape closes it (keymap).
 */
export function HostFaultMenu() {
  const menu = usePlaybackStore(selectHostMenu)
  const seq = usePlaybackStore(selectSeq)
  const names = useDisplayNames()
  const box = useRef<HTMLDivElement>(null)
  useEffect(() => {
    if (menu) box.current?.querySelector<HTMLElement>('[role="menuitem"]')?.focus()
  }, [menu])
  if (!menu) return null
  const inject = (kind: 'host-failure' | 'host-maintenance') => {
    closeHostMenu()
    void injectFault({ kind, target: menu.hostId })
  }
  return (
    <div className="pb-menu-backdrop" onClick={closeHostMenu} onContextMenu={(e) => e.preventDefault()}>
      <div
        className="pb-menu"
        role="menu"
        ref={box}
        aria-label={`Faults for ${names.name(menu.hostId)}`}
        onKeyDown={moveFocus}
        data-testid="host-fault-menu"
        style={{ left: menu.x, top: menu.y }}
        onClick={(e) => e.stopPropagation()}
      >
        <div className="pb-menu-title">
          {names.name(menu.hostId)} at step {seq + 1}
        </div>
        <button
          type="button"
          role="menuitem"
          data-testid="menu-host-failure"
          onClick={() => inject('host-failure')}
        >
          Fail this host
        </button>
        <button
          type="button"
          role="menuitem"
          data-testid="menu-host-maintenance"
          onClick={() => inject('host-maintenance')}
        >
          Enter maintenance mode
        </button>
      </div>
    </div>
  )
}
