import { useDisplayNames } from '../stores/display-names'
import { closeHostMenu, injectFault } from '../stores/playback-actions'
import { selectHostMenu, selectSeq, usePlaybackStore } from '../stores/playback-store'

/** A host's context menu during playback: fail it or put it in maintenance at the next step. */
export function HostFaultMenu() {
  const menu = usePlaybackStore(selectHostMenu)
  const seq = usePlaybackStore(selectSeq)
  const names = useDisplayNames()
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
