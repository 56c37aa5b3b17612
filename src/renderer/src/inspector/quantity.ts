import { formatCpu, formatMemory, parseCpu, parseMemory } from '../../../shared/domain/units'
import type { Unit } from './schema-walk'

/** Shows a stored integer in its unit: millicores as "500m" or "2", MiB as "512Mi" or "4Gi". */
export function formatQuantity(value: unknown, unit: Unit): string {
  if (typeof value !== 'number') return ''
  if (unit === 'cpu') return formatCpu(value)
  if (unit === 'memory') return formatMemory(value)
  return String(value)
}

/** Parses what the user typed, or returns the reason it cannot be read. */
export function parseQuantity(text: string, unit: Unit): { value: number } | { error: string } {
  const t = text.trim()
  if (unit === 'cpu') {
    const v = parseCpu(t)
    return v === null ? { error: `"${t}" is not a CPU amount: write 500m or 2 (cores)` } : { value: v }
  }
  if (unit === 'memory') {
    const v = parseMemory(t)
    return v === null ? { error: `"${t}" is not a size: write 512Mi, 4Gi or 1Ti` } : { value: v }
  }
  const v = Number(t)
  return t === '' || !Number.isFinite(v) ? { error: `"${t}" is not a number` } : { value: v }
}
