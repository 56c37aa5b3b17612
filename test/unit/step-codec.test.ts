import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'

import { describe, expect, it } from 'vitest'

import { loadSample, sampleNames } from '../../src/node/demo-lab'
import { LabFile } from '../../src/node/persistence/lab-file'
import { getSteps, saveRun } from '../../src/node/persistence/runs'
import { StepDecoder, StepEncoder } from '../../src/node/persistence/step-codec'
import { generateLargeLab } from '../../src/shared/domain/large-lab'
import { plan } from '../../src/shared/engine/plan'
import { sampleRun } from '../support/golden-steps'

describe('stored steps', () => {
  it('read back exactly as planned, in fewer bytes than their JSON', () => {
    for (const name of sampleNames()) {
      const run = sampleRun(loadSample(name))
      const encoder = new StepEncoder()
      const rows = run.steps.map((step) => encoder.encode(step))
      const decoder = new StepDecoder(encoder.hostLists)
      let stored = 0
      let json = 0
      run.steps.forEach((step, i) => {
        const row = rows[i]!
        // Same keys in the same order: the JSON of what is read is the JSON of what was planned.
        expect(JSON.stringify(decoder.decode(step.seq, row.json, row.text))).toBe(JSON.stringify(step))
        stored += row.json.length + (row.text?.length ?? 0)
        json += JSON.stringify(step).length
      })
      expect(stored).toBeLessThan(json * 0.85)
    }
  })

  it('keep a host list once per run, however many placements share it', () => {
    const lab = LabFile.create(
      join(mkdtempSync(join(tmpdir(), 'pl-codec-')), 'l.pacificlab'),
      loadSample('demo'),
    )
    const run = plan(generateLargeLab({ hosts: 8, namespaces: 2, pods: 40 }).topology, undefined, 1)
    saveRun(lab.db, { id: 'r', seed: 1 }, run.steps)
    expect(JSON.stringify(getSteps(lab.db, 'r'))).toBe(JSON.stringify(run.steps))
    const lists = lab.db.prepare("SELECT host_lists FROM runs WHERE id = 'r'").pluck().get() as string
    expect(JSON.parse(lists)).toEqual([
      run.steps.find((s) => s.object.includes('-pod-') && s.placement)!.placement!.ask!.hosts,
    ])
    lab.close()
  })

  it('keeps what is not an engine step, and steps stored before, as JSON objects', () => {
    const odd = { seq: 3, text: 'x', effects: [], t: 0, extra: true }
    const row = new StepEncoder().encode(odd)
    expect(row).toEqual({ json: JSON.stringify(odd), text: null })
    expect(new StepDecoder(null).decode(3, row.json, row.text)).toEqual(odd)
    expect(new StepDecoder(null).decode(1, '{"seq":1,"text":"x"}', null)).toEqual({ seq: 1, text: 'x' })
  })
})
