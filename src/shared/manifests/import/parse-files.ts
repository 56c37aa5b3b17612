import { isMap, isScalar, isSeq, LineCounter, type Document, type Node } from 'yaml'

import { isJsonObject, type JsonObject } from '../kube-object'
import { chargeTexts, documentsWithin, ImportBudget, ImportLimitError, toJsWithin } from './limits'

/** Where a problem is: file, 1-based line and column, and the object path when known. */
export interface ImportError {
  file: string
  line: number
  col: number
  message: string
  /** Object path of the offending field, `spec.containers[0].image`. */
  path?: string
  /** The schema that refused it, with the rule's schema path. */
  schema?: string
}

export interface ImportFile {
  path: string
  content: string
}

/** One YAML document that holds an object, with what is needed to point back into it. */
export interface ParsedObject {
  file: string
  object: JsonObject
  /** Finds the 1-based line and column of a path in the object (the nearest existing part). */
  at(path: readonly (string | number)[]): { line: number; col: number }
}

const MANIFEST = /\.(ya?ml|json)$/i

/** The file an export written to disk leaves, listing its files, so the next one can replace it. */
export const EXPORT_MARKER = '.pacific-lab-export.json'

/**
 * Files the import reads: YAML and JSON; the vCenter request bodies and an export's marker
 * are not Kubernetes objects.
 */
export const isManifestPath = (path: string) =>
  MANIFEST.test(path) && !/(^|[/!])vcenter\//.test(path) && !/(^|[/!])\.pacific-lab-export\.json$/.test(path)

function locate(doc: Document, counter: LineCounter, path: readonly (string | number)[]) {
  let node: unknown = doc.contents
  let offset = (node as Node | null)?.range?.[0] ?? 0
  for (const seg of path) {
    if (isMap(node)) {
      const pair = node.items.find((p) => isScalar(p.key) && String(p.key.value) === String(seg))
      if (!pair) break
      offset = (pair.key as Node).range?.[0] ?? offset
      node = pair.value
    } else if (isSeq(node)) {
      const item = node.items[Number(seg)]
      if (!item) break
      offset = (item as Node).range?.[0] ?? offset
      node = item
    } else break
  }
  const pos = counter.linePos(offset)
  return { line: pos.line, col: pos.col }
}

/** The key a duplicate-key error points at, read from its line. */
function keyAt(content: string, line: number, col: number): string | null {
  const text = content.split(/\r?\n/)[line - 1]?.slice(col - 1) ?? ''
  return /^("[^"]*"|'[^']*'|[^:\s][^:]*?)\s*:/.exec(text)?.[1] ?? null
}

function yamlMessage(file: ImportFile, code: string, message: string, line: number, col: number): string {
  if (code === 'DUPLICATE_KEY') {
    const key = keyAt(file.content, line, col)
    return `duplicate key${key ? ` ${key}` : ''}: a mapping may hold each key once (kubectl refuses it too)`
  }
  return `${code}: ${message.split('\n')[0]?.replace(/ at line \d+, column \d+:?$/, '')}`
}

/**
 * Reads every document of every manifest file as YAML 1.1, as kubectl does: empty documents
 * (a trailing `---`, `---` twice, a document of comments) are skipped. Syntax errors,
 * duplicate keys and documents that are not objects are reported with file, line and column.
 */
export function parseFiles(
  files: readonly ImportFile[],
  budget = new ImportBudget(),
): { objects: ParsedObject[]; errors: ImportError[] } {
  try {
    chargeTexts(files, budget)
    return parseWithin(files, budget)
  } catch (e) {
    // A limit (src/shared/manifests/import/limits.ts) refuses the whole import, naming the file.
    if (e instanceof ImportLimitError)
      return { objects: [], errors: [{ file: e.file, line: 1, col: 1, message: e.message }] }
    throw e
  }
}

/**
 * Where paths are in a file's documents, parsed again as far as the furthest one asked for: an
 * import keeps no document trees (10,000 of them for a 10,000-pod lab) for the errors and warnings
 * that are rare, and reads a file at most twice when it has some (once and a bit when the first
 * documents have them, as when every pod names a namespace the lab lacks).
 */
function locator(file: ImportFile) {
  const counter = new LineCounter()
  const docs: Document.Parsed[] = []
  let rest: Iterator<Document.Parsed> | null = null
  return (index: number, path: readonly (string | number)[]) => {
    rest ??= documentsWithin(file.content, file.path, counter, new ImportBudget())
    while (docs.length <= index) {
      const next = rest.next()
      if (next.done) break
      docs.push(next.value)
    }
    const doc = docs[index]
    return doc ? locate(doc, counter, path) : { line: 1, col: 1 }
  }
}

function parseWithin(files: readonly ImportFile[], budget: ImportBudget) {
  const objects: ParsedObject[] = []
  const errors: ImportError[] = []
  for (const file of files) {
    if (!isManifestPath(file.path)) continue
    const counter = new LineCounter()
    const find = locator(file)
    let count = 0
    for (const doc of documentsWithin(file.content, file.path, counter, budget)) {
      const index = count++
      if (doc.errors.length) {
        for (const e of doc.errors) {
          const pos = e.linePos?.[0] ?? { line: 1, col: 1 }
          errors.push({
            file: file.path,
            line: pos.line,
            col: pos.col,
            message: yamlMessage(file, e.code, e.message, pos.line, pos.col),
          })
        }
        continue
      }
      if (doc.contents === null) continue
      const value: unknown = toJsWithin(doc, file.path, budget.limits)
      if (value === null || value === undefined) continue
      const at = (path: readonly (string | number)[]) => find(index, path)
      if (!isJsonObject(value)) {
        errors.push({
          file: file.path,
          ...at([]),
          message: 'a document must be a Kubernetes object (a mapping with apiVersion and kind)',
        })
        continue
      }
      objects.push({ file: file.path, object: value, at })
    }
  }
  return { objects, errors }
}
