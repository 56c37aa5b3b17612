import { Document, isMap, isScalar, type Node } from 'yaml'

import type { ExportedObject } from './kube-object'

/**
 * Objects to YAML as kubectl reads it: YAML 1.1 (so "on", "yes", "0644" or "1.10" stay strings,
 * quoted), keys in the order the objects were built, no line folding, and the lab's inferred
 * choices as comments before the keys they concern. No directives: an object built here has
 * none to write, and asking would walk every node of it looking for tags (a tenth of the time).
 */
export const YAML_OPTIONS = { version: '1.1', lineWidth: 0, minContentWidth: 0, directives: false } as const

export function renderDocument(entry: ExportedObject): string {
  const doc = new Document(entry.object, { version: '1.1' })
  let top = ''
  for (const comment of entry.comments) {
    const text = comment.text
      .split('\n')
      .map((line) => ` ${line}`)
      .join('\n')
    if (comment.path.length === 0) {
      top += text.replace(/^ /gm, '# ') + '\n'
      continue
    }
    const parent = doc.getIn(comment.path.slice(0, -1), true) as Node | undefined
    const last = comment.path.at(-1)
    if (!isMap(parent)) continue
    const pair = parent.items.find((p) => isScalar(p.key) && p.key.value === last)
    if (pair && isScalar(pair.key)) pair.key.commentBefore = text
  }
  return top + doc.toString(YAML_OPTIONS)
}

/** The comment header of every exported file: what produced it (no timestamps, so it diffs). */
export function fileHeader(lines: readonly string[]): string {
  return lines.map((l) => (l ? `# ${l}` : '#')).join('\n') + '\n'
}

/** Several documents in one file, each introduced by `---`. */
export function renderDocuments(header: string, entries: readonly ExportedObject[]): string {
  return header + entries.map((e) => `---\n${renderDocument(e)}`).join('')
}
