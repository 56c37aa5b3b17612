/**
 * Kubernetes resource quantities as the lab stores them: CPU in millicores and memory and
 * storage in MiB, always integers, so arithmetic on quotas and capacity is exact.
 */

const BINARY: Readonly<Record<string, number>> = {
  Ki: 1 / 1024,
  Mi: 1,
  Gi: 1024,
  Ti: 1024 * 1024,
  Pi: 1024 * 1024 * 1024,
}
const DECIMAL: Readonly<Record<string, number>> = {
  k: 1e3 / 1048576,
  M: 1e6 / 1048576,
  G: 1e9 / 1048576,
  T: 1e12 / 1048576,
  '': 1 / 1048576,
}

/** Parses a CPU quantity ("500m", "2", "0.5") into millicores, or null when malformed. */
export function parseCpu(value: string | number): number | null {
  if (typeof value === 'number') return Number.isFinite(value) && value >= 0 ? Math.round(value * 1000) : null
  const m = /^(\d+(?:\.\d+)?)(m?)$/.exec(value.trim())
  if (!m) return null
  const n = Number(m[1])
  return m[2] === 'm' ? Math.ceil(n) : Math.round(n * 1000)
}

/** Parses a memory or storage quantity ("512Mi", "1Gi", "1G", "1048576") into MiB, rounded up. */
export function parseMemory(value: string | number): number | null {
  if (typeof value === 'number')
    return Number.isFinite(value) && value >= 0 ? Math.ceil(value / 1048576) : null
  const m = /^(\d+(?:\.\d+)?)(Ki|Mi|Gi|Ti|Pi|k|M|G|T)?$/.exec(value.trim())
  if (!m) return null
  const unit = m[2] ?? ''
  const factor = BINARY[unit] ?? DECIMAL[unit]
  if (factor === undefined) return null
  return Math.ceil(Number(m[1]) * factor)
}

/** Formats millicores the way kubectl writes them: whole cores plainly, otherwise with "m". */
export function formatCpu(millis: number): string {
  return millis % 1000 === 0 ? String(millis / 1000) : `${millis}m`
}

/** Formats MiB as the largest binary unit that divides it exactly. */
export function formatMemory(mib: number): string {
  if (mib !== 0 && mib % (1024 * 1024) === 0) return `${mib / (1024 * 1024)}Ti`
  if (mib !== 0 && mib % 1024 === 0) return `${mib / 1024}Gi`
  return `${mib}Mi`
}
