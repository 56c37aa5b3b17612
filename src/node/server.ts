import { randomBytes } from 'node:crypto'
import { createReadStream, existsSync, statSync } from 'node:fs'
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http'
import type { AddressInfo } from 'node:net'
import { extname, join, normalize, sep } from 'node:path'

import { err } from '../shared/contract/result'
import { CONTENT_SECURITY_POLICY } from './csp'
import type { LabService } from './lab-service'
import { dispatchLogged } from './logged-dispatch'
import type { Log } from './log'
import {
  checkOrigin,
  decodePath,
  parseUrl,
  readJsonObject,
  Refusal,
  requestToken,
  sendJson,
  sendRefusal,
  tokenMatches,
} from './serve-guards'

/**
 * Serve mode: the built renderer and the contract over HTTP on 127.0.0.1. Every API call needs
 * the per-start token; a Host header other than our own address is refused (no DNS rebinding),
 * and so is an Origin other than our own (serve-guards.ts has the checks a request passes).
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
  /** The body cap; default 64 MiB (tests lower it). */
  maxBodyBytes?: number
  /** Where to note what went wrong (the rotating log of the data folder). */
  log?: Log
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
  const maxBody = options.maxBodyBytes ?? MAX_BODY_BYTES
  const sockets = new Set<ServerResponse>()
  let port = 0
  const server = createServer((req, res) => {
    handle(req, res).catch((e: unknown) => {
      options.log?.error(`serve: ${req.method ?? ''} ${req.url ?? ''} failed`, e)
      if (!res.headersSent) sendJson(res, 500, err('internal', e instanceof Error ? e.message : String(e)))
      else res.destroy()
    })
  })

  async function handle(req: IncomingMessage, res: ServerResponse) {
    const refuse = (refusal: Refusal) => sendRefusal(req, res, refusal)
    const host = req.headers.host ?? ''
    if (host !== `127.0.0.1:${port}` && host !== `localhost:${port}`)
      return refuse(
        new Refusal(403, 'forbidden-host', `Host "${host}" is not this server; open the printed address.`),
      )
    const origin = checkOrigin(req, host)
    if (origin) return refuse(origin)
    const url = parseUrl(req, host)
    if (url instanceof Refusal) return refuse(url)
    if (url.pathname.startsWith('/api/')) {
      if (!tokenMatches(requestToken(req, url), token))
        return refuse(
          new Refusal(401, 'unauthorized', 'This request lacks the token printed when the server started.'),
        )
      if (url.pathname === '/api/events' && req.method === 'GET') return events(req, res)
      if (req.method !== 'POST')
        return refuse(new Refusal(405, 'method-not-allowed', 'API requests use POST.'))
      const method = decodePath(url.pathname.slice('/api/'.length))
      if (method instanceof Refusal) return refuse(method)
      const input = await readJsonObject(req, maxBody)
      if (input instanceof Refusal) return refuse(input)
      return sendJson(
        res,
        200,
        await dispatchLogged(options.service.handlers, method, input, options.log, 'http'),
      )
    }
    if (req.method !== 'GET' && req.method !== 'HEAD')
      return refuse(new Refusal(405, 'method-not-allowed', 'Only GET here.'))
    const path = decodePath(url.pathname)
    if (path instanceof Refusal) return refuse(path)
    return serveStatic(res, options.rendererDir, path)
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

/** Serves a file of the renderer build; `pathname` is already decoded. */
function serveStatic(res: ServerResponse, root: string, pathname: string): void {
  const relative = pathname === '/' ? 'index.html' : pathname.replace(/^\/+/, '')
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
