import { useSyncExternalStore } from 'react'

import { chooseTheme, onThemeChange, savedTheme, type ThemeChoice } from './theme'

const CHOICES: readonly { value: ThemeChoice; label: string }[] = [
  { value: 'system', label: 'Theme: as the system' },
  { value: 'light', label: 'Theme: light' },
  { value: 'dark', label: 'Theme: dark' },
]

/** Light, dark, or as the operating system says (the default); remembered. */
export function ThemePicker() {
  const choice = useSyncExternalStore(onThemeChange, savedTheme)
  return (
    <select
      className="theme-picker"
      data-testid="theme"
      aria-label="Theme"
      value={choice}
      onChange={(e) => {
        chooseTheme(e.target.value as ThemeChoice)
      }}
    >
      {CHOICES.map((c) => (
        <option key={c.value} value={c.value}>
          {c.label}
        </option>
      ))}
    </select>
  )
}
