import type { Effect } from '../../../shared/engine/types'

const show = (v: Effect['before']) => (v === null ? '—' : String(v))

/** A step's state changes, before -> after. */
export function EffectList({ effects }: { effects: readonly Effect[] }) {
  if (effects.length === 0) return null
  return (
    <details className="effects" open={effects.length <= 8}>
      <summary>State changes ({effects.length})</summary>
      <ul>
        {effects.slice(0, 200).map((e, i) => (
          <li key={i}>
            <code>
              {e.on}/{e.id}.{e.key}
            </code>{' '}
            {show(e.before)} → <strong>{show(e.after)}</strong>
          </li>
        ))}
      </ul>
    </details>
  )
}
