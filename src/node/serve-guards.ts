import { createHash, timingSafeEqual } from 'node:crypto'
import type { IncomingMessage, ServerResponse } from 'node:http'

import { err, type LabErrorCode } from '../shared/contract/result'

/**
 * The checks serve mode makes before a request reaches the contract, each answered with its own
 * status and error code, as a careful local server would: the token compared in constant time,
 * Origin against our own address, `application/json` bodies that are JSON objects, a body cap
 * answered with 413 before the connection is closed, and 400 for what cannot be decoded.
 */

export class Refusal {
  constructor(
    readonly status: number,
    readonly code: LabErrorCode,
    readonly message: string,
    /** Close the connection after answering (the rest of the body is not read). */
    readonly close = false,
  ) {}
}

export function sendJson(res: ServerResponse, status: number, body: unknown, close = false) {
  res.writeHead(status, {
    'content-type': 'application/json; charset=utf-8',
    'cache-control': 'no-store',
    ...(close ? { connection: 'close' } : {}),
  })
  res.end(JSON.stringify(body))
}

/**
 * Answers a refused request. A request whose body was not read cannot share its connection with
 * the next one, so that connection closes after the answer; the client is told first, then the
 * unread rest of the body is dropped with the connection (413: a body too large to drain).
 */
export function sendRefusal(req: IncomingMessage, res: ServerResponse, refusal: Refusal) {
  sendJson(res, refusal.status, err(refusal.code, refusal.message), refusal.close || !req.complete)
  if (refusal.status === 413) res.once('finish', () => req.destroy())
  else if (!req.complete) req.resume()
}

/** Compares the given token with ours in constant time, whatever its length (digests are equal-sized). */
export function tokenMatches(given: string, token: string): boolean {
  const digest = (s: string) => createHash('sha256').update(s, 'utf8').digest()
  return timingSafeEqual(digest(given), digest(token)) && given.length === token.length
}

export function requestToken(req: IncomingMessage, url: URL): string {
  const auth = req.headers.authorization
  return auth?.startsWith('Bearer ') ? auth.slice(7) : (url.searchParams.get('token') ?? '')
}

/** A page of another origin may not call us (a browser sends Origin on cross-origin requests). */
export function checkOrigin(req: IncomingMessage, ownHost: string): Refusal | null {
  const origin = req.headers.origin
  if (origin === undefined || origin === `http://${ownHost}`) return null
  return new Refusal(
    403,
    'forbidden-origin',
    `Requests from ${origin} are not accepted; open the printed address.`,
  )
}

/** The request's URL, or a 400 when it cannot be parsed. */
export function parseUrl(req: IncomingMessage, host: string): URL | Refusal {
  try {
    return new URL(req.url ?? '/', `http://${host}`)
  } catch {
    return new Refusal(400, 'bad-url', `The address "${req.url ?? ''}" is not a valid URL.`)
  }
}

/** `decodeURIComponent`, or a 400 naming the bad escape. */
export function decodePath(text: string): string | Refusal {
  try {
    return decodeURIComponent(text)
  } catch {
    return new Refusal(400, 'bad-url', `The address "${text}" has a malformed percent-escape.`)
  }
}

/**
 * Reads an API request's body: JSON (by its Content-Type), at most `maxBytes` (413 as soon as
 * the declared length or the bytes read pass it), and a JSON object (the contract's inputs are).
 */
export async function readJsonObject(
  req: IncomingMessage,
  maxBytes: number,
): Promise<Record<string, unknown> | Refusal> {
  const type = (req.headers['content-type'] ?? '').split(';')[0]?.trim().toLowerCase()
  if (type !== 'application/json')
    return new Refusal(
      415,
      'unsupported-media-type',
      `API requests send JSON with Content-Type application/json, not "${req.headers['content-type'] ?? 'none'}".`,
      true,
    )
  const tooLarge = new Refusal(413, 'too-large', `Request bodies are limited to ${maxBytes} bytes.`, true)
  if (Number(req.headers['content-length'] ?? 0) > maxBytes) return tooLarge
  const body = await readBody(req, maxBytes)
  if (body === null) return tooLarge
  let input: unknown
  try {
    input = JSON.parse(body.toString('utf8'))
  } catch {
    return new Refusal(400, 'invalid-input', 'The request body is not valid JSON.')
  }
  if (input === null || typeof input !== 'object' || Array.isArray(input))
    return new Refusal(400, 'invalid-input', 'The request body must be a JSON object (the request input).')
  return input as Record<string, unknown>
}

/** The body, or null as soon as it passes `maxBytes` (reading stops; the socket stays up to answer). */
function readBody(req: IncomingMessage, maxBytes: number): Promise<Buffer | null> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = []
    let size = 0
    const onData = (chunk: Buffer) => {
      size += chunk.length
      if (size <= maxBytes) return void chunks.push(chunk)
      req.off('data', onData)
      req.pause()
      resolve(null)
    }
    req.on('data', onData)
    req.once('end', () => resolve(Buffer.concat(chunks)))
    req.once('error', reject)
  })
}
