import { loadSample, sampleNames } from '../../src/node/demo-lab'
import type { LabDocument } from '../../src/shared/domain/lab-document'
import { parseFault } from '../../src/shared/engine/fault-syntax'
import { plan } from '../../src/shared/engine/plan'
import type { Fault, Run } from '../../src/shared/engine/types'

/**
 * Golden step logs (test/golden/steps/NAME.txt): one line per step of each sample lab's run,
 * so any change in the engine's behaviour is a reviewed diff. Written only by
 * `npm run golden:update` (scripts/golden-update.mjs); the suite compares and never writes.
 */
export const GOLDEN_DIR = 'test/golden/steps'
export const GOLDEN_SEED = 1

/** The faults a sample suggests in its description: "Suggested fault: KIND:TARGET@STEP[, ...]". */
export function suggestedFaults(lab: LabDocument): Fault[] {
  const m = /Suggested faults?: ([^\n]+)/.exec(lab.description)
  if (!m) return []
  return m[1]!.split(',').map((text) => {
    const fault = parseFault(text.trim())
    if (typeof fault === 'string') throw new Error(`sample "${lab.name}": ${fault}`)
    return fault
  })
}

export const sampleRun = (lab: LabDocument): Run =>
  plan(lab.topology, undefined, GOLDEN_SEED, suggestedFaults(lab))

/** seq | actor -> target | action | text | failure code: reason */
export function stepLog(run: Run): string {
  const lines = run.steps.map((s) =>
    [
      String(s.seq).padStart(4),
      `${s.actor} -> ${s.target}`,
      s.action,
      s.text,
      s.failure ? `FAILED ${s.failure.code}: ${s.failure.reason}` : '',
    ]
      .join(' | ')
      .trimEnd()
      .replace(/ \|$/, ''),
  )
  return `${lines.join('\n')}\n`
}

/** Every sample's golden file name and current log. */
export function goldenLogs(): { file: string; log: string }[] {
  return sampleNames().map((name) => ({
    file: `${GOLDEN_DIR}/${name}.txt`,
    log: stepLog(sampleRun(loadSample(name))),
  }))
}
