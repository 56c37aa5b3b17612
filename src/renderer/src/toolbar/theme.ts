const KEY = 'pacific-lab.theme'

/** `system` follows the operating system's light or dark setting (the default). */
export type ThemeChoice = 'system' | 'light' | 'dark'

/** The theme the user chose in this browser or app, remembered across labs and restarts. */
export function savedTheme(): ThemeChoice {
  const saved = globalThis.localStorage?.getItem(KEY)
  return saved === 'light' || saved === 'dark' ? saved : 'system'
}

/** Applies the saved theme (or the system's) to the document root. */
export function applySavedTheme() {
  applyTheme(savedTheme())
}

function applyTheme(choice: ThemeChoice) {
  if (choice === 'system') delete document.documentElement.dataset['theme']
  else document.documentElement.dataset['theme'] = choice
}

const listeners = new Set<() => void>()

/** Calls `listener` when the choice changes (the picker follows View > Light or Dark Theme). */
export function onThemeChange(listener: () => void): () => void {
  listeners.add(listener)
  return () => listeners.delete(listener)
}

/** Switches the theme and remembers the choice; `system` forgets it and follows the OS again. */
export function chooseTheme(choice: ThemeChoice) {
  applyTheme(choice)
  if (choice === 'system') localStorage.removeItem(KEY)
  else localStorage.setItem(KEY, choice)
  for (const listener of listeners) listener()
}

/** View > Light or Dark Theme: the other one of what is shown now (the system's, if no choice). */
export function toggleTheme() {
  const shown =
    document.documentElement.dataset['theme'] ??
    (matchMedia('(prefers-color-scheme: dark)').matches ? 'dark' : 'light')
  chooseTheme(shown === 'dark' ? 'light' : 'dark')
}
