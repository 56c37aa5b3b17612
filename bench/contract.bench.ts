import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'

import { dispatch } from '../src/shared/contract/dispatch'
import { LabService } from '../src/node/lab-service'
import { medianMs, round, type Benchmark } from './harness'

/** What validating at the trust boundary costs beside calling the handler directly. */
export const contractBenchmark: Benchmark = {
  name: 'contract',
  async run() {
    const service = new LabService('cli', { dataDir: mkdtempSync(join(tmpdir(), 'pl-bench-')) })
    const calls = 20_000
    const direct = await medianMs(5, () => {
      for (let i = 0; i < calls; i++) service.handlers.getAppInfo()
    })
    const dispatched = await medianMs(5, async () => {
      for (let i = 0; i < calls; i++) await dispatch(service.handlers, 'getAppInfo', {})
    })
    service.close()
    return {
      dispatchPerSecond: round(calls / (dispatched / 1000), 0),
      directPerSecond: round(calls / (direct / 1000), 0),
      dispatchOverDirectTimeRatio: round(dispatched / direct),
    }
  },
}
