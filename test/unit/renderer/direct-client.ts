import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'

import { LabService } from '../../../src/node/lab-service'
import { REQUEST_NAMES, type LabClient, type PushEvent } from '../../../src/shared/contract/contract'
import { dispatch } from '../../../src/shared/contract/dispatch'

/**
 * The renderer's client wired straight to a LabService in this process, as an in-memory
 * transport: requests go through the same `dispatch` as IPC and HTTP (JSON round trip
 * included), and every request is recorded. `latePushes` delivers pushes after the reply, as
 * serve mode's separate event stream may.
 */
export function directClient(options: { latePushes?: boolean } = {}) {
  const service = new LabService('cli', { dataDir: mkdtempSync(join(tmpdir(), 'pl-renderer-')) })
  const calls: string[] = []
  const client: Record<string, unknown> = {
    onEvent: (listener: (event: PushEvent) => void) =>
      service.onEvent((event) => {
        const copy = JSON.parse(JSON.stringify(event)) as PushEvent
        if (options.latePushes) setTimeout(() => listener(copy), 5)
        else listener(copy)
      }),
  }
  for (const name of REQUEST_NAMES)
    client[name] = async (input: unknown) => {
      calls.push(name)
      const result = await dispatch(service.handlers, name, JSON.parse(JSON.stringify(input ?? {})))
      return JSON.parse(JSON.stringify(result)) as unknown
    }
  return { client: client as LabClient, service, calls }
}
