import type { Problem } from '../../../shared/domain/problems'
import type { Topology } from '../../../shared/domain/topology'

interface File {
  path: string
  content: string
}

/** Whether the export holds any Kubernetes object at all (the YAML file always has its header). */
const hasObjects = (files: readonly File[]) =>
  files.some((f) => f.path.endsWith('.yaml') && /^kind: /m.test(f.content))

/**
 * What the checks of an export found: the refused objects with why and a way to them in the
 * lab, the warnings, or that every object passes; never that when there is nothing to check.
 */
export function ExportChecks({
  files,
  problems,
  topology,
  onShow,
}: {
  files: readonly File[]
  problems: readonly Problem[]
  topology: Topology | undefined
  onShow: (objectId: string) => void
}) {
  const shown = problems.filter((p) => p.severity !== 'info')
  const errors = shown.filter((p) => p.severity === 'error')
  const warnings = shown.filter((p) => p.severity !== 'error')
  const nameOf = (id: string) => topology?.nodes.find((n) => n.id === id)?.name
  const byObject = new Map<string, Problem[]>()
  for (const p of errors) byObject.set(p.objectId, [...(byObject.get(p.objectId) ?? []), p])
  return (
    <div data-testid="export-problems">
      {errors.length ? (
        <>
          <strong>
            Nothing can be saved: {byObject.size} object{byObject.size === 1 ? '' : 's'} would be refused.
          </strong>
          <ul className="export-refused" data-testid="export-refused">
            {[...byObject].map(([id, list]) => (
              <li key={id} className="sev-error">
                <span className="export-refused-name">{nameOf(id) ?? 'an object of the lab'}</span>
                <button
                  type="button"
                  className="link-button"
                  data-testid="export-show-object"
                  onClick={() => onShow(id)}
                >
                  Show in lab
                </button>
                <ul>
                  {list.map((p, i) => (
                    <li key={i}>{p.message}</li>
                  ))}
                </ul>
              </li>
            ))}
          </ul>
        </>
      ) : hasObjects(files) ? (
        warnings.length === 0 ? (
          <span className="ok">Every object passes its schema check.</span>
        ) : null
      ) : (
        <span className="muted" data-testid="export-empty">
          No Kubernetes objects to check: the lab has no vSphere Namespace with objects yet.
        </span>
      )}
      {warnings.length ? (
        <ul>
          {warnings.map((p, i) => (
            <li key={i} className="sev-warning">
              {p.message}
            </li>
          ))}
        </ul>
      ) : null}
    </div>
  )
}
