/**
 * A small hand-rolled colouring of YAML and JSON for the export preview: comments, keys,
 * strings, numbers and booleans, document markers. Token classes only; no HTML is built, so
 * nothing in a manifest can inject markup.
 */
export type TokenClass = 'comment' | 'key' | 'string' | 'number' | 'bool' | 'marker' | 'punct' | 'plain'

export interface Token {
  text: string
  cls: TokenClass
}

const SCALAR_NUMBER = /^-?\d+(\.\d+)?$/
const SCALAR_BOOL = /^(true|false|null|~)$/

function scalar(text: string): Token[] {
  if (!text) return []
  const [, value = '', comment = ''] = /^(.*?)(\s+#.*)?$/.exec(text) ?? []
  const trimmed = value.trim()
  const cls: TokenClass = /^["']/.test(trimmed)
    ? 'string'
    : SCALAR_NUMBER.test(trimmed)
      ? 'number'
      : SCALAR_BOOL.test(trimmed)
        ? 'bool'
        : /^[{}[\]]+$/.test(trimmed)
          ? 'punct'
          : 'plain'
  const out: Token[] = [{ text: value, cls }]
  if (comment) out.push({ text: comment, cls: 'comment' })
  return out
}

/** Tokens of one YAML line. */
export function yamlLine(line: string): Token[] {
  if (/^\s*#/.test(line)) return [{ text: line, cls: 'comment' }]
  if (/^(---|\.\.\.)\s*$/.test(line)) return [{ text: line, cls: 'marker' }]
  const m = /^(\s*)(- )?("[^"]*"|'[^']*'|[^\s:#][^:#]*?)(:)(\s|$)(.*)$/.exec(line)
  if (m) {
    const [, indent = '', dash = '', key = '', colon = '', space = '', rest = ''] = m
    return [
      { text: indent, cls: 'plain' },
      ...(dash ? [{ text: dash, cls: 'punct' as const }] : []),
      { text: key, cls: 'key' },
      { text: colon + space, cls: 'punct' },
      ...scalar(rest),
    ]
  }
  const item = /^(\s*)(- )(.*)$/.exec(line)
  if (item) {
    const [, indent = '', dash = '', rest = ''] = item
    return [{ text: indent, cls: 'plain' }, { text: dash, cls: 'punct' }, ...scalar(rest)]
  }
  return scalar(line)
}

/** Tokens of one line of pretty-printed JSON. */
export function jsonLine(line: string): Token[] {
  const out: Token[] = []
  const re = /("(?:[^"\\]|\\.)*")(\s*:)?|(-?\d+(?:\.\d+)?)|(true|false|null)|([^"\d\-tfn]+|.)/g
  for (const m of line.matchAll(re)) {
    if (m[1]) {
      out.push({ text: m[1], cls: m[2] ? 'key' : 'string' })
      if (m[2]) out.push({ text: m[2], cls: 'punct' })
    } else if (m[3]) out.push({ text: m[3], cls: 'number' })
    else if (m[4]) out.push({ text: m[4], cls: 'bool' })
    else out.push({ text: m[0], cls: 'punct' })
  }
  return out
}

export function highlight(path: string, content: string): Token[][] {
  const line = path.endsWith('.json')
    ? jsonLine
    : path.match(/\.ya?ml$/)
      ? yamlLine
      : (l: string) => [{ text: l, cls: 'plain' as const }]
  return content.replace(/\n$/, '').split('\n').map(line)
}
