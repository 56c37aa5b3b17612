import { formatExtraPath, type ExtraFields } from '../../../shared/domain/extra-fields'

const show = (value: unknown) => (typeof value === 'string' ? value : JSON.stringify(value))

/**
 * What import kept of an object beyond the lab's settings, read-only: written back on export
 * as it was read, each field only while the lab still writes what it replaced.
 */
export function KeptFields({ extra }: { extra: ExtraFields | undefined }) {
  if (!extra || extra.fields.length === 0) return null
  return (
    <details className="kept-fields" data-testid="kept-fields">
      <summary>
        Kept from the imported {extra.kind} ({extra.apiVersion}): {extra.fields.length} field
        {extra.fields.length === 1 ? '' : 's'}, read-only
      </summary>
      <dl>
        {extra.fields.map((f, i) => (
          <div key={i}>
            <dt>
              <code>{formatExtraPath(f.path)}</code>
            </dt>
            <dd>
              {'value' in f ? (
                <code>{show(f.value)}</code>
              ) : (
                <em>left out (the lab would write {show(f.labWrote)})</em>
              )}
            </dd>
          </div>
        ))}
      </dl>
    </details>
  )
}
