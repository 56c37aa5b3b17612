import type { Problem } from '../../../shared/domain/problems'

/** Line icons per severity, drawn as SVG so they show without an emoji font. */
const PATHS: Readonly<Record<Problem['severity'], string>> = {
  error: 'M12 3a9 9 0 1 0 0 18 9 9 0 0 0 0-18z M8.5 8.5l7 7 M15.5 8.5l-7 7',
  warning: 'M12 3l10 18H2z M12 10v5 M12 18h.01',
  info: 'M12 3a9 9 0 1 0 0 18 9 9 0 0 0 0-18z M12 11v6 M12 7.5h.01',
}

const LABELS: Readonly<Record<Problem['severity'], string>> = {
  error: 'Error',
  warning: 'Warning',
  info: 'Note',
}

/** The severity of a problem row: an icon in its colour, named for screen readers. */
export function ProblemIcon({ severity }: { severity: Problem['severity'] }) {
  return (
    <svg
      className={`problem-severity severity-${severity}`}
      role="img"
      aria-label={LABELS[severity]}
      width={15}
      height={15}
      viewBox="0 0 24 24"
      fill="none"
      stroke="currentColor"
      strokeWidth={2}
      strokeLinecap="round"
      strokeLinejoin="round"
    >
      <path d={PATHS[severity]} />
    </svg>
  )
}
