/** Words the placement sentences are made of: memory sizes, small counts, host names in order. */

/** Memory for a sentence: whole GiB plainly, otherwise GiB to one decimal. */
export const gib = (mib: number) =>
  mib % 1024 === 0 && mib > 0
    ? `${mib / 1024} GiB`
    : mib < 1024
      ? `${mib} MiB`
      : `${(mib / 1024).toFixed(1)} GiB`

const WORDS = ['zero', 'one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine', 'ten']
/** A small count in words, a large one in digits. */
export const count = (n: number) => WORDS[n] ?? String(n)

/** Names in reading order: esxi-2 before esxi-10. */
export const naturalKey = (name: string) => name.replace(/\d+/g, (d) => d.padStart(10, '0'))
export const byName = (a: string, b: string) => (naturalKey(a) < naturalKey(b) ? -1 : 1)

/** `a`, `a and b`, `a, b and c`. */
export function listNames(names: readonly string[]): string {
  return names.length <= 1
    ? (names[0] ?? '')
    : `${names.slice(0, -1).join(', ')} and ${names[names.length - 1]}`
}
