import type { DisplayNames } from '../../../shared/engine/display-names'
import type { Placement, Step } from '../../../shared/engine/types'

const gib = (mib: number) => `${(mib / 1024).toFixed(1)}G`

/** A placement as an aligned text table, one line per host, then the explanation. */
export function placementTable(placement: Placement): string[] {
  const header = [
    'host',
    'kube filters',
    'score',
    'unreserved cpu/mem',
    'needs cpu/mem',
    'active cpu/mem',
    'DRS',
    // One column per rule that keeps VMs apart (anti-affinity, cluster modules).
    ...(placement.rules ?? []).map((rule) => `${rule.hard ? 'hard' : 'soft'}: ${rule.name}`),
    '',
  ]
  const rows = placement.rows.map((r) => [
    r.hostName,
    r.filters.length === 0
      ? '-'
      : r.filters.every((f) => f.pass)
        ? 'pass'
        : (r.filters.find((f) => !f.pass)?.reason ?? 'fail'),
    r.score === null ? '-' : String(r.score),
    `${r.unreservedCpuMhz}MHz/${gib(r.unreservedMemoryMiB)}`,
    `${r.needCpuMhz}MHz/${gib(r.needMemoryMiB)}`,
    `${r.activeCpuMhz}MHz/${gib(r.activeMemoryMiB)}`,
    r.drs === null ? '-' : r.drs.pass ? 'feasible' : `no: ${r.drs.reason}`,
    ...(placement.rules ?? []).map((_, i) => {
      const v = r.rules?.[i]
      return v === undefined ? '-' : v.pass ? 'apart' : (v.reason ?? 'shares')
    }),
    r.chosen ? '<= chosen' : '',
  ])
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)))
  const line = (cells: string[]) =>
    '      | ' +
    cells
      .map((c, i) => c.padEnd(widths[i]!))
      .join(' | ')
      .trimEnd()
  return [line(header), ...rows.map(line), `      why: ${placement.explanation}`]
}

/**
 * One step as readable lines: number, time, flow, the object and the lanes by name, seed step
 * and status, then the sentence.
 */
export function stepLines(step: Step, status: string, names: DisplayNames): string[] {
  const t = `${(step.t / 1000).toFixed(1)}s`.padStart(9)
  const seed = step.seedStep === null ? '     ' : `[${step.seedStep}/7]`
  const head = `${String(step.seq).padStart(5)} ${t} ${step.sequence.padEnd(10)} ${seed} ${names.name(step.object)}  ${names.lane(step.actor)} -> ${names.lane(step.target)}  => ${status}`
  const out = [head, `      ${step.text}`]
  if (step.failure) out.push(`      failure ${step.failure.code}: ${step.failure.reason}`)
  if (step.placement) out.push(...placementTable(step.placement))
  return out
}
