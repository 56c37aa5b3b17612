import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'

import { describe, expect, it } from 'vitest'

import { LabService } from '../../src/node/lab-service'
import { LabFile } from '../../src/node/persistence/lab-file'
import { dispatch } from '../../src/shared/contract/dispatch'
import { isLabErrorCode } from '../../src/shared/contract/result'
import { contentHash, recordFigures, SOAK } from './figures'
import { pick, randomBatch, rng } from './random-edits'

/** Batches per run: thousands under `npm run test:soak`, a few hundred in `npm test`. */
const BATCHES = SOAK ? 5_000 : 300
const SEED = Number(process.env['PACIFIC_LAB_SEED'] ?? 14)

/** The lab as its file holds it, read by a fresh open, as the next start would. */
function fromFile(path: string) {
  const lab = LabFile.open(path, { readOnly: true })
  try {
    return { name: lab.document.name, topology: lab.document.topology, ...lab.journal() }
  } finally {
    lab.close()
  }
}

describe('random edit batches (issue 14: the service never stores what it cannot reopen)', () => {
  it(`${BATCHES} batches, undo and redo, with the file reopened at random points: it always opens and equals the service's view`, async () => {
    const r = rng(SEED)
    const dataDir = mkdtempSync(join(tmpdir(), 'pl-property-'))
    let service = new LabService('cli', { dataDir, lab: 'demo' })
    const path = service.labFile.path
    let next = 0
    const counter = () => ++next
    const figures = {
      batches: 0,
      applied: 0,
      refused: 0,
      undoRedo: 0,
      reopens: 0,
      failedToReopen: 0,
      untyped: 0,
    }
    const view = () => {
      const s = service.handlers.getTopology()
      return { name: s.name, topology: s.topology, undoLabel: s.undoLabel, redoLabel: s.redoLabel }
    }
    try {
      for (let i = 0; i < BATCHES; i++) {
        const roll = r()
        const before = contentHash(service)
        let result
        if (roll < 0.1) {
          figures.undoRedo++
          result = await dispatch(service.handlers, pick(r, ['undo', 'redo'] as const), {})
        } else {
          figures.batches++
          result = await dispatch(service.handlers, 'applyEdits', {
            batch: randomBatch(r, service.handlers.getTopology().topology, counter),
          })
        }
        if (result.ok) figures.applied++
        else {
          figures.refused++
          if (!isLabErrorCode(result.error.code) || result.error.code === 'internal') {
            figures.untyped++
            expect.soft(result.error, `step ${i} (seed ${SEED})`).toBeUndefined()
          }
          expect(contentHash(service), `a refusal changed the lab at step ${i} (seed ${SEED})`).toBe(before)
        }
        if (r() < 0.05 || i === BATCHES - 1) {
          figures.reopens++
          let stored
          try {
            stored = fromFile(path)
          } catch (e) {
            figures.failedToReopen++
            throw new Error(`the lab no longer opens after step ${i} (seed ${SEED}): ${String(e)}`, {
              cause: e,
            })
          }
          expect(stored, `the file differs from the service after step ${i} (seed ${SEED})`).toEqual(view())
          if (r() < 0.3) {
            // A restart: the service itself reopens the file and goes on from it.
            service.close()
            service = new LabService('cli', { dataDir, lab: path })
            expect(view()).toEqual(stored)
          }
        }
      }
    } finally {
      service.close()
      recordFigures('property', figures)
    }
    expect(figures.untyped).toBe(0)
    expect(figures.applied).toBeGreaterThan(BATCHES / 10)
    expect(figures.refused).toBeGreaterThan(BATCHES / 10)
  })
})
