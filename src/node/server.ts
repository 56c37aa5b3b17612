import { randomBytes, timingSafeEqual } from 'node:crypto'
import { createReadStream, existsSync, statSync } from 'node:fs'
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http'
import type { AddressInfo } from 'node:net'
import { extname, join, normalize, sep } from 'node:path'

import { dispatch } from '../shared/contract/dispatch'
import { err } from '../shared/contract/result'
import { CONTENT_SECURITY_POLICY } from './csp'
import type { LabService } from './lab-service'

/**
 * Serve mode: the built renderer and the contract over HTTP on 127.0.0.1. Every API call needs
 * the per-start token; a Host header other than our own address is refused (no DNS rebinding).
 */

const MIME: Readonly<Record<string, string>> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.json': 'application/json',
  '.woff2': 'font/woff2',
}

/** Requests larger than this are refused; imports of big manifest sets fit well inside it. */
const MAX_BODY_BYTES = 64 * 1024 * 1024

export interface ServeOptions {
  port: number
  rendererDir: string
  service: LabService
  token?: string
}

export interface RunningServer {
  server: Server
  url: string
  port: number
  token: string
  close(): Promise<void>
}

export async function startServer(options: ServeOptions): Promise<RunningServer> {
  const token = options.token ?? randomBytes(24).toString('hex')
  const sockets = new Set<ServerResponse>()
  let port = 0
  const server = createServer((req, res) => {
    handle(req, res).catch((e: unknown) => {
      if (!res.headersSent) json(res, 500, err('internal', e instanceof Error ? e.message : String(e)))
      else res.destroy()
    })
  })

  async function handle(req: IncomingMessage, res: ServerResponse) {
    const host = req.headers.host ?? ''
    if (host !== `127.0.0.1:${port}` && host !== `localhost:${port}`)
      return json(
        res,
        403,
        err('forbidden-host', `Host "${host}" is not this server; open the printed address.`),
      )
    const url = new URL(req.url ?? '/', `http://${host}`)
    if (url.pathname.startsWith('/api/')) {
      if (!hasToken(req, url, token))
        return json(
          res,
          401,
          err('unauthorized', 'This request lacks the token printed when the server started.'),
        )
      if (url.pathname === '/api/events' && req.method === 'GET') return events(req, res)
      if (req.method !== 'POST') return json(res, 405, err('method-not-allowed', 'API requests use POST.'))
      const body = await readBody(req)
      if (body === null)
        return json(res, 413, err('too-large', `Request bodies are limited to ${MAX_BODY_BYTES} bytes.`))
      let input: unknown
      try {
        input = body.length === 0 ? {} : JSON.parse(body)
      } catch {
        return json(res, 400, err('invalid-input', 'The request body is not valid JSON.'))
      }
      const method = decodeURIComponent(url.pathname.slice('/api/'.length))
      return json(res, 200, await dispatch(options.service.handlers, method, input))
    }
    if (req.method !== 'GET' && req.method !== 'HEAD')
      return json(res, 405, err('method-not-allowed', 'Only GET here.'))
    return serveStatic(res, options.rendererDir, url.pathname)
  }

  function events(req: IncomingMessage, res: ServerResponse) {
    res.writeHead(200, {
      'content-type': 'text/event-stream',
      'cache-control': 'no-store',
      connection: 'keep-alive',
    })
    res.write(': connected\n\n')
    sockets.add(res)
    const off = options.service.onEvent((event) => res.write(`data: ${JSON.stringify(event)}\n\n`))
    req.on('close', () => {
      off()
      sockets.delete(res)
    })
  }

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject)
    server.listen(options.port, '127.0.0.1', () => resolve())
  })
  port = (server.address() as AddressInfo).port
  return {
    server,
    port,
    token,
    url: `http://127.0.0.1:${port}/?token=${token}`,
    close: () =>
      new Promise<void>((resolve) => {
        for (const res of sockets) res.end()
        server.close(() => resolve())
        server.closeAllConnections()
      }),
  }
}

function hasToken(req: IncomingMessage, url: URL, token: string): boolean {
  const auth = req.headers.authorization
  const given = auth?.startsWith('Bearer ') ? auth.slice(7) : (url.searchParams.get('token') ?? '')
  const a = Buffer.from(given)
  const b = Buffer.from(token)
  return a.length === b.length && timingSafeEqual(a, b)
}

function readBody(req: IncomingMessage): Promise<string | null> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = []
    let size = 0
    req.on('data', (chunk: Buffer) => {
      size += chunk.length
      if (size > MAX_BODY_BYTES) {
        resolve(null)
        req.destroy()
      } else chunks.push(chunk)
    })
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')))
    req.on('error', reject)
  })
}

function json(res: ServerResponse, status: number, body: unknown) {
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store' })
  res.end(JSON.stringify(body))
}

function serveStatic(res: ServerResponse, root: string, pathname: string): void {
  const relative = pathname === '/' ? 'index.html' : decodeURIComponent(pathname).replace(/^\/+/, '')
  const file = normalize(join(root, relative))
  if (!file.startsWith(root + sep) || !existsSync(file) || !statSync(file).isFile()) {
    res.writeHead(404, { 'content-type': 'text/plain; charset=utf-8' })
    res.end(`Not found: ${pathname}`)
    return
  }
  const headers: Record<string, string> = {
    'content-type': MIME[extname(file)] ?? 'application/octet-stream',
    'x-content-type-options': 'nosniff',
    'cache-control': 'no-cache',
  }
  if (extname(file) === '.html') {
    headers['content-security-policy'] = CONTENT_SECURITY_POLICY
    headers['x-frame-options'] = 'DENY'
  }
  res.writeHead(200, headers)
  createReadStream(file).pipe(res)
}
