import type { Problem } from '../../../shared/domain/problems'

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`

/** "2 errors · 1 warning · 3 infos": the problems panel's count by severity. */
export function countLine(list: readonly Problem[]): string {
  if (list.length === 0) return 'none'
  const count = (s: Problem['severity']) => list.filter((p) => p.severity === s).length
  return [
    plural(count('error'), 'error'),
    plural(count('warning'), 'warning'),
    plural(count('info'), 'info'),
  ].join(' · ')
}
