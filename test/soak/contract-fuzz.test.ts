import { mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'

import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { LabService } from '../../src/node/lab-service'
import { createFileLog } from '../../src/node/log'
import { dispatchLogged } from '../../src/node/logged-dispatch'
import { startServer, type RunningServer } from '../../src/node/server'
import { REQUEST_NAMES, type RequestName } from '../../src/shared/contract/contract'
import { isLabErrorCode, type Result } from '../../src/shared/contract/result'
import { contentHash, recordFigures, SOAK } from './figures'
import { cloneableValues, inputsFor, jsonValues, validInputs } from './request-inputs'

/** Inputs per request and transport: 1,000 under `npm run test:soak`, a few dozen in `npm test`. */
const PER_REQUEST = SOAK ? 1_000 : 30
const SEED = Number(process.env['PACIFIC_LAB_SEED'] ?? 14)

const dataDir = mkdtempSync(join(tmpdir(), 'pl-fuzz-'))
const log = createFileLog(dataDir)
let service: LabService
let server: RunningServer
let runId = ''

beforeAll(async () => {
  const renderer = mkdtempSync(join(tmpdir(), 'pl-fuzz-renderer-'))
  writeFileSync(join(renderer, 'index.html'), '<!doctype html><title>t</title>')
  service = new LabService('serve', { dataDir, lab: 'demo' })
  server = await startServer({ port: 0, rendererDir: renderer, service, log })
  runId = (await service.handlers.startRun({ seed: 7, faults: [] })).run.id
})
afterAll(async () => {
  await server.close()
  service.close()
  recordFigures('fuzz', { perRequest: PER_REQUEST, requests: REQUEST_NAMES.length, ...totals })
})

type Transport = 'ipc' | 'http'

/** The Electron main handler's path: structured clone (as IPC does), then the shared dispatch. */
async function viaIpc(method: RequestName, input: unknown): Promise<Result<unknown> | 'not-sendable'> {
  let cloned: unknown
  try {
    cloned = structuredClone(input)
  } catch {
    return 'not-sendable'
  }
  return dispatchLogged(service.handlers, method, cloned, log, 'ipc')
}

/** Serve mode's path: a real HTTP request to the running server. */
async function viaHttp(method: RequestName, input: unknown): Promise<Result<unknown>> {
  const res = await fetch(`http://127.0.0.1:${server.port}/api/${method}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${server.token}` },
    body: JSON.stringify(input) ?? 'null',
  })
  if (res.status >= 500) throw new Error(`HTTP ${res.status}: ${await res.text()}`)
  return (await res.json()) as Result<unknown>
}

const totals = {
  inputs: 0,
  ipc: 0,
  http: 0,
  crashes: 0,
  untypedErrors: 0,
  changedOnRefusal: 0,
  notSendable: 0,
}

describe('every contract request, fuzzed through both transports (issue 14, item 6)', () => {
  for (const transport of ['ipc', 'http'] as Transport[])
    for (const method of REQUEST_NAMES)
      it(
        `${method} over ${transport}: ${PER_REQUEST} inputs, no crash, no untyped error, refusals change nothing`,
        async () => {
          const valid = validInputs({ runId, dataDir })[method]
          const seed = SEED + REQUEST_NAMES.indexOf(method) * 2 + (transport === 'http' ? 1 : 0)
          const inputs = inputsFor(
            valid,
            transport === 'ipc' ? cloneableValues : jsonValues,
            PER_REQUEST,
            seed,
          )
          const problems: string[] = []
          for (const input of inputs) {
            totals.inputs++
            totals[transport]++
            const before = contentHash(service)
            let result: Result<unknown> | 'not-sendable'
            try {
              result = transport === 'ipc' ? await viaIpc(method, input) : await viaHttp(method, input)
            } catch (e) {
              totals.crashes++
              problems.push(`crash on ${JSON.stringify(input)}: ${String(e)}`)
              continue
            }
            if (result === 'not-sendable') {
              totals.notSendable++
              continue
            }
            if (result.ok) continue
            if (!isLabErrorCode(result.error.code) || result.error.code === 'internal') {
              totals.untypedErrors++
              problems.push(`untyped ${result.error.code} on ${safeJson(input)}: ${result.error.message}`)
            }
            if (contentHash(service) !== before) {
              totals.changedOnRefusal++
              problems.push(`refused (${result.error.code}) but changed the lab: ${safeJson(input)}`)
            }
          }
          expect(problems.slice(0, 5), `seed ${seed}`).toEqual([])
        },
        SOAK ? 1_800_000 : 120_000,
      )
})

function safeJson(value: unknown): string {
  try {
    return (JSON.stringify(value) ?? String(value)).slice(0, 300)
  } catch {
    return String(value).slice(0, 300)
  }
}
