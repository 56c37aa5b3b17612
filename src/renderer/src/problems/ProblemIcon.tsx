import type { Problem } from '../../../shared/domain/problems'
import { Icon } from '../icons/Icon'

const LABELS: Readonly<Record<Problem['severity'], string>> = {
  error: 'Error',
  warning: 'Warning',
  info: 'Note',
}

/** The severity of a problem row: the app's SVG icon in its colour, named for screen readers. */
export function ProblemIcon({ severity }: { severity: Problem['severity'] }) {
  return (
    <span className={`problem-severity severity-${severity}`}>
      <Icon name={severity} size={15} label={LABELS[severity]} />
    </span>
  )
}
