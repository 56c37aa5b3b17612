import type { DisplayNames } from '../../../shared/engine/display-names'
import type { Effect } from '../../../shared/engine/types'

/** A step's state changes, before -> after, on records named as a person knows them. */
export function EffectList({ effects, names }: { effects: readonly Effect[]; names: DisplayNames }) {
  if (effects.length === 0) return null
  return (
    <details className="effects" open={effects.length <= 8}>
      <summary>State changes ({effects.length})</summary>
      <ul>
        {effects.slice(0, 200).map((e, i) => (
          <li key={i} data-record={`${e.on}/${e.id}`} data-key={e.key}>
            {names.name(e.id)} <code>{names.path(e.key)}</code> {names.value(e.key, e.before)} →{' '}
            <strong>{names.value(e.key, e.after)}</strong>
          </li>
        ))}
      </ul>
    </details>
  )
}
