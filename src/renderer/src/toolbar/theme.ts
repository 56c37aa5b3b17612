const KEY = 'pacific-lab.theme'

/** Applies the saved theme (or the system's) to the document root. */
export function applySavedTheme() {
  const saved = globalThis.localStorage?.getItem(KEY)
  if (saved === 'light' || saved === 'dark') document.documentElement.dataset['theme'] = saved
}

/** Switches between light and dark and remembers the choice. */
export function toggleTheme() {
  const current =
    document.documentElement.dataset['theme'] ??
    (matchMedia('(prefers-color-scheme: dark)').matches ? 'dark' : 'light')
  const next = current === 'dark' ? 'light' : 'dark'
  document.documentElement.dataset['theme'] = next
  localStorage.setItem(KEY, next)
}
