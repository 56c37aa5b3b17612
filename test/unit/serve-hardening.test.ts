import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs'
import { request } from 'node:http'
import { connect } from 'node:net'
import { tmpdir } from 'node:os'
import { join } from 'node:path'

import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { LabService } from '../../src/node/lab-service'
import { logPath, createFileLog } from '../../src/node/log'
import { tokenMatches } from '../../src/node/serve-guards'
import { startServer, type RunningServer } from '../../src/node/server'

let server: RunningServer
let service: LabService
const dataDir = mkdtempSync(join(tmpdir(), 'pl-harden-'))
const CAP = 4096

beforeAll(async () => {
  const dir = mkdtempSync(join(tmpdir(), 'pl-renderer-'))
  writeFileSync(join(dir, 'index.html'), '<!doctype html><title>t</title>')
  service = new LabService('serve', { dataDir })
  server = await startServer({
    port: 0,
    rendererDir: dir,
    service,
    maxBodyBytes: CAP,
    log: createFileLog(dataDir),
  })
})
afterAll(async () => {
  await server.close()
  service.close()
})

interface Reply {
  status: number
  body: string
}

/** One HTTP request; `chunks` are written one by one (chunked encoding when no length is given). */
function send(
  path: string,
  options: { method?: string; headers?: Record<string, string>; chunks?: (string | Buffer)[] } = {},
): Promise<Reply> {
  return new Promise((resolve, reject) => {
    const req = request(
      {
        host: '127.0.0.1',
        port: server.port,
        path,
        method: options.method ?? 'POST',
        headers: {
          host: `127.0.0.1:${server.port}`,
          authorization: `Bearer ${server.token}`,
          'content-type': 'application/json',
          ...options.headers,
        },
      },
      (res) => {
        let body = ''
        res.on('data', (c: Buffer) => (body += c.toString()))
        res.on('end', () => resolve({ status: res.statusCode ?? 0, body }))
      },
    )
    // The server may close after answering while we still write: the answer is what counts.
    req.on('error', (e) => reject(e))
    for (const chunk of options.chunks ?? ['{}']) req.write(chunk)
    req.end()
  })
}

/** A raw request line, for targets an HTTP client would refuse to send. */
function raw(line: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const socket = connect(server.port, '127.0.0.1', () =>
      socket.write(`${line}\r\nHost: 127.0.0.1:${server.port}\r\nConnection: close\r\n\r\n`),
    )
    let text = ''
    socket.on('data', (c: Buffer) => (text += c.toString()))
    socket.on('end', () => resolve(text))
    socket.on('error', reject)
  })
}

const code = (reply: Reply) => (JSON.parse(reply.body) as { error?: { code: string } }).error?.code

describe('serve mode as a careful local server (issue 14, defect 6)', () => {
  it('answers 400, not 500, to a malformed percent-escape in an API method or a page path', async () => {
    const api = await send('/api/get%E0%A4%A')
    expect(api.status).toBe(400)
    expect(code(api)).toBe('bad-url')
    const page = await send('/%E0%A4%A.js', { method: 'GET' })
    expect(page.status).toBe(400)
    expect((await send('/api/getTopology')).status).toBe(200)
  })

  it('answers 400 to a request target that is not a URL', async () => {
    expect(await raw('GET http://[zz HTTP/1.1')).toMatch(/^HTTP\/1\.1 400/)
  })

  it('answers 413 over the body cap, declared or streamed, before closing the connection', async () => {
    const declared = await send('/api/getTopology', {
      headers: { 'content-length': String(CAP + 1) },
      chunks: [Buffer.alloc(CAP + 1, 32)],
    })
    expect(declared.status).toBe(413)
    expect(code(declared)).toBe('too-large')
    const streamed = await send('/api/getTopology', {
      chunks: Array.from({ length: 8 }, () => Buffer.alloc(CAP / 2, 32)),
    })
    expect(streamed.status).toBe(413)
    expect((await send('/api/getTopology')).status).toBe(200)
  })

  it('refuses an Origin other than its own address, and accepts its own', async () => {
    const foreign = await send('/api/getTopology', { headers: { origin: 'http://evil.example' } })
    expect(foreign.status).toBe(403)
    expect(code(foreign)).toBe('forbidden-origin')
    const own = await send('/api/getTopology', { headers: { origin: `http://127.0.0.1:${server.port}` } })
    expect(own.status).toBe(200)
  })

  it('requires application/json for the API', async () => {
    const form = await send('/api/getTopology', {
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
    })
    expect(form.status).toBe(415)
    expect(code(form)).toBe('unsupported-media-type')
    const json = await send('/api/getTopology', {
      headers: { 'content-type': 'application/json; charset=utf-8' },
    })
    expect(json.status).toBe(200)
  })

  it('refuses a body that is not a JSON object (null is not {})', async () => {
    for (const body of ['null', '[]', '3', '"x"', ''])
      expect(await send('/api/getTopology', { chunks: [body] }), body).toMatchObject({ status: 400 })
  })

  it('compares the token in constant time, whatever the length given', () => {
    expect(tokenMatches(server.token, server.token)).toBe(true)
    expect(tokenMatches('', server.token)).toBe(false)
    expect(tokenMatches(server.token.slice(1), server.token)).toBe(false)
    expect(tokenMatches(`${server.token}x`, server.token)).toBe(false)
  })

  it('logs to a rotating file in the data folder', () => {
    const dir = mkdtempSync(join(tmpdir(), 'pl-log-'))
    const log = createFileLog(dir, { maxBytes: 200, keep: 2 })
    for (let i = 0; i < 20; i++) log.error(`failure number ${i}`, new Error('boom'))
    expect(readFileSync(logPath(dir), 'utf8')).toContain('failure number 19')
    expect(readFileSync(`${logPath(dir)}.1`, 'utf8')).toContain('failure number')
    expect(() => readFileSync(`${logPath(dir)}.3`)).toThrow()
  })
})
