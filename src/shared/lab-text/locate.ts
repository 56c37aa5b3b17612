import { isNode, type Document, type LineCounter } from 'yaml'

/**
 * Finds where a value sits in the YAML source: `file:line:column` of the node at `path`, or of
 * its nearest ancestor that exists (a missing key is reported where it should be).
 */
export function locate(
  doc: Document,
  lines: LineCounter,
  file: string,
  path: readonly (string | number)[],
): string {
  for (let p = [...path]; ; p = p.slice(0, -1)) {
    const node = p.length === 0 ? doc.contents : doc.getIn(p, true)
    if (isNode(node) && node.range) {
      const { line, col } = lines.linePos(node.range[0])
      return `${file}:${line}:${col}`
    }
    if (p.length === 0) return file
  }
}
