/**
 * The app's interface icons as inline SVG, drawn in the current colour: they render the same
 * with any font installed (an emoji or symbol character shows as an empty box where no font
 * has it) and travel inside an exported SVG. Kind icons are in canvas/KindIcon.tsx.
 */
const PATHS = {
  'chevron-right': 'M9 6l6 6-6 6',
  'chevron-down': 'M6 9l6 6 6-6',
  undo: 'M9 14L4 9l5-5 M4 9h11a5 5 0 0 1 0 10h-3',
  redo: 'M15 14l5-5-5-5 M20 9H9a5 5 0 0 0 0 10h3',
  theme: 'M12 3a9 9 0 1 0 0 18 9 9 0 0 0 0-18z M12 3v18',
  play: 'M7 4l13 8-13 8z',
  'step-back': 'M18 5l-9 7 9 7z M6 5v14',
  'step-forward': 'M6 5l9 7-9 7z M18 5v14',
  error: 'M8 2h8l6 6v8l-6 6H8l-6-6V8z M12 7v6 M12 16.5v.5',
  warning: 'M12 3l10 18H2z M12 10v5 M12 18v.5',
  info: 'M12 3a9 9 0 1 0 0 18 9 9 0 0 0 0-18z M12 11v6 M12 7.5v.5',
  star: 'M12 3l2.8 5.8 6.2.9-4.5 4.4 1 6.3-5.5-3-5.5 3 1-6.3L3 9.7l6.2-.9z',
  image: 'M4 4h16v16H4z M4 16l5-5 4 4 3-3 4 4 M15 8.5h.01',
} as const

export type IconName = keyof typeof PATHS

/** Filled rather than stroked: the shapes read better solid at small sizes. */
const FILLED: ReadonlySet<IconName> = new Set(['play', 'step-back', 'step-forward', 'star'])

export function Icon({ name, size = 14, label }: { name: IconName; size?: number; label?: string }) {
  const filled = FILLED.has(name)
  return (
    <svg
      className={`icon icon-${name}`}
      width={size}
      height={size}
      viewBox="0 0 24 24"
      fill={filled ? 'currentColor' : 'none'}
      stroke="currentColor"
      strokeWidth={filled ? 1 : 2}
      strokeLinecap="round"
      strokeLinejoin="round"
      {...(label ? { role: 'img', 'aria-label': label } : { 'aria-hidden': true })}
    >
      {label ? <title>{label}</title> : null}
      <path d={PATHS[name]} />
    </svg>
  )
}
