import { existsSync, readFileSync } from 'node:fs'

import { describe, expect, it } from 'vitest'

import { goldenLogs } from '../support/golden-steps'

describe('golden step logs of the sample labs (test/golden/steps)', () => {
  for (const { file, log } of goldenLogs())
    it(`${file} is what the engine does now (npm run golden:update after a reviewed change)`, () => {
      expect(existsSync(file), `${file} is missing: run npm run golden:update`).toBe(true)
      expect(log).toBe(readFileSync(file, 'utf8'))
    })
})
