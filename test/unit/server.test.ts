import { mkdtempSync, writeFileSync } from 'node:fs'
import { request } from 'node:http'
import { tmpdir } from 'node:os'
import { join } from 'node:path'

import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { LabService } from '../../src/node/lab-service'
import { startServer, type RunningServer } from '../../src/node/server'

let server: RunningServer

function call(
  path: string,
  options: {
    method?: string
    host?: string
    token?: string | null
    body?: string
    headers?: Record<string, string>
    to?: RunningServer
  } = {},
) {
  const to = options.to ?? server
  return new Promise<{ status: number; body: string; headers: Record<string, unknown> }>(
    (resolve, reject) => {
      const headers: Record<string, string> = {
        host: options.host ?? `127.0.0.1:${to.port}`,
        'content-type': 'application/json',
        ...options.headers,
      }
      const token = options.token === undefined ? to.token : options.token
      if (token) headers['authorization'] = `Bearer ${token}`
      const req = request(
        { host: '127.0.0.1', port: to.port, path, method: options.method ?? 'POST', headers },
        (res) => {
          let body = ''
          res.on('data', (c: Buffer) => (body += c.toString()))
          res.on('end', () => resolve({ status: res.statusCode ?? 0, body, headers: res.headers }))
        },
      )
      req.on('error', reject)
      req.end(options.method === 'GET' ? undefined : (options.body ?? '{}'))
    },
  )
}

beforeAll(async () => {
  const dir = mkdtempSync(join(tmpdir(), 'pl-renderer-'))
  writeFileSync(join(dir, 'index.html'), '<!doctype html><title>t</title>')
  server = await startServer({
    port: 0,
    rendererDir: dir,
    service: new LabService('serve', { dataDir: mkdtempSync(join(tmpdir(), 'pl-serve-')) }),
  })
})
afterAll(() => server.close())

describe('serve mode', () => {
  it('prints an address on 127.0.0.1 with the token', () => {
    expect(server.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/\?token=[0-9a-f]{48}$/)
  })
  it('answers API calls that carry the token', async () => {
    const res = await call('/api/getTopology')
    expect(res.status).toBe(200)
    expect(JSON.parse(res.body)).toMatchObject({ ok: true, value: { name: 'Demo lab: the seed deck' } })
  })
  it('refuses API calls without the token or with a wrong one (401)', async () => {
    expect((await call('/api/getTopology', { token: null })).status).toBe(401)
    expect((await call('/api/getTopology', { token: 'x'.repeat(48) })).status).toBe(401)
  })
  it('refuses foreign Host headers, even with the token (403)', async () => {
    expect((await call('/api/getTopology', { host: 'evil.example' })).status).toBe(403)
    expect((await call('/', { host: 'evil.example', method: 'GET' })).status).toBe(403)
  })
  it('serves the page with a Content Security Policy and refuses paths outside the renderer', async () => {
    const page = await call('/', { method: 'GET' })
    expect(page.status).toBe(200)
    expect(String(page.headers['content-security-policy'])).toContain("script-src 'self'")
    expect((await call('/../package.json', { method: 'GET' })).status).toBe(404)
    expect((await call('/%2e%2e/package.json', { method: 'GET' })).status).toBe(404)
  })
  it('answers bad JSON with a Result error and keeps serving', async () => {
    const res = await call('/api/getTopology', { body: '{nope' })
    expect(res.status).toBe(400)
    expect(JSON.parse(res.body)).toMatchObject({ ok: false, error: { code: 'invalid-input' } })
    expect((await call('/api/getTopology')).status).toBe(200)
  })
})
