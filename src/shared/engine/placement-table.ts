import { DOWN_TEXT, num, type Assessment } from './placement-assess'
import { millisToMhz } from './sizing'
import type { FilterVerdict, PlacementRow } from './types'

// Passing verdicts are identical on most rows of most tables: share one frozen copy of each.
const READY_PASS: FilterVerdict = Object.freeze({ filter: 'NodeReady', pass: true })
const FIT_PASS: FilterVerdict = Object.freeze({ filter: 'NodeResourcesFit', pass: true })
const DRS_PASS: NonNullable<PlacementRow['drs']> = Object.freeze({ pass: true })
const RULE_PASS = Object.freeze({ pass: true })

/** kube-scheduler's two filter verdicts on host i of a pod's placement. */
function filtersOf(a: Assessment, i: number): FilterVerdict[] {
  const down = a.down[i]
  const fit = a.fitReason(i)
  return [
    down === null || down === undefined
      ? READY_PASS
      : { filter: 'NodeReady', pass: false, reason: DOWN_TEXT[down] },
    fit === null ? FIT_PASS : { filter: 'NodeResourcesFit', pass: false, reason: fit },
  ]
}

/**
 * The per-host table of a placement (DOMAIN.md 5): filters and score, unreserved capacity against
 * what the placement needs, active usage, DRS's verdict, the pick and each rule's verdict. Made
 * only when someone reads it (the step detail, the CLI), never for every step of a run.
 */
export function tableOf(a: Assessment, chosen: number | undefined): PlacementRow[] {
  const need = a.need
  const rows: PlacementRow[] = []
  for (let i = 0; i < a.length; i++) {
    const h = a.recs[i]!
    const id = a.ids[i]!
    const short = a.drs[i]
    const row: PlacementRow = {
      host: id,
      hostName: a.name(i),
      filters: a.isPod ? filtersOf(a, i) : [],
      score: a.score[i] ?? null,
      unreservedCpuMhz: num(h, 'capacityCpuMhz') - num(h, 'reservedCpuMhz'),
      unreservedMemoryMiB: num(h, 'capacityMemoryMiB') - num(h, 'reservedMemoryMiB'),
      needCpuMhz: millisToMhz(need.reserveCpuMillis, num(h, 'mhzPerCore')),
      needMemoryMiB: need.reserveMemoryMiB + need.overheadMemoryMiB,
      activeCpuMhz: num(h, 'activeCpuMhz'),
      activeMemoryMiB: num(h, 'activeMemoryMiB'),
      drs: short === undefined ? null : short === null ? DRS_PASS : { pass: false, reason: a.drsReason(i)! },
      chosen: i === chosen,
    }
    if (need.rules)
      row.rules = need.rules.map(({ taken }) => {
        const other = taken.get(id)
        return other === undefined ? RULE_PASS : { pass: false, reason: `${other} runs here` }
      })
    rows.push(row)
  }
  return rows
}
