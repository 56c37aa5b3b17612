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

/** Switches the theme and remembers the choice; `system` forgets it and follows the OS again. */
export function chooseTheme(choice: ThemeChoice) {
  applyTheme(choice)
  if (choice === 'system') localStorage.removeItem(KEY)
  else localStorage.setItem(KEY, choice)
}
