import { Composer, Parser, type Document, type LineCounter } from 'yaml'

import { LabError } from '../../contract/result'

/**
 * How much one import may read. An import is someone's manifests, not an attacker's bomb: the
 * generated 10,000-pod lab exports as 10,202 files and 8 MB, well inside these; a zip bomb, a
 * 100 MB manifest or a billion-laughs document is refused as soon as it passes a limit, with a
 * message naming the file and the limit, after reading at most that much.
 */
export interface ImportLimits {
  /** Files in one import: files of folders and entries of archives together. */
  files: number
  /** One file or archive entry, uncompressed, in bytes (characters for text already read). */
  fileBytes: number
  /** All files together, uncompressed. */
  totalBytes: number
  /** YAML documents in all files together. */
  documents: number
  /** Aliases one document may expand (yaml's `maxAliasCount`): the billion laughs stop here. */
  aliases: number
}

const MiB = 1024 * 1024

export const IMPORT_LIMITS: Readonly<ImportLimits> = {
  files: 20_000,
  fileBytes: 16 * MiB,
  totalBytes: 32 * MiB,
  documents: 20_000,
  aliases: 100,
}

/** An import refused by a limit: code `import-limit`, naming the file and the limit. */
export class ImportLimitError extends LabError {
  constructor(
    readonly file: string,
    message: string,
  ) {
    super('import-limit', `${file}: ${message}`)
  }
}

const count = (n: number) => n.toLocaleString('en-US')
const size = (bytes: number) => (bytes % MiB === 0 ? `${bytes / MiB} MiB` : `${count(bytes)} bytes`)

/** What one import has used so far; each reader charges it as it reads, and it refuses at a limit. */
export class ImportBudget {
  private files = 0
  private bytes = 0
  private documents = 0

  constructor(readonly limits: Readonly<ImportLimits> = IMPORT_LIMITS) {}

  /** One more file or archive entry. */
  file(name: string): void {
    if (++this.files > this.limits.files)
      throw new ImportLimitError(
        name,
        `an import reads at most ${count(this.limits.files)} files (folders and archives together); import fewer at a time.`,
      )
  }

  /** `n` more bytes of the file `name`, which already had `sofar`. */
  read(name: string, sofar: number, n: number): void {
    if (sofar + n > this.limits.fileBytes)
      throw new ImportLimitError(
        name,
        `a file may be at most ${size(this.limits.fileBytes)} (uncompressed); this one is larger. Split it.`,
      )
    this.bytes += n
    if (this.bytes > this.limits.totalBytes)
      throw new ImportLimitError(
        name,
        `an import reads at most ${size(this.limits.totalBytes)} in all (uncompressed); the files up to this one pass that. Import fewer at a time.`,
      )
  }

  /** One more YAML document. */
  document(name: string): void {
    if (++this.documents > this.limits.documents)
      throw new ImportLimitError(
        name,
        `an import reads at most ${count(this.limits.documents)} YAML documents; this file passes that. Import fewer objects at a time.`,
      )
  }
}

/** Charges files whose text is already in memory (the contract's input) to the budget. */
export function chargeTexts(files: readonly { path: string; content: string }[], budget: ImportBudget): void {
  for (const file of files) {
    budget.file(file.path)
    budget.read(file.path, 0, file.content.length)
  }
}

/**
 * Every YAML document of `source` (as `parseAllDocuments` gives them, errors with line and
 * column), composed one at a time as they are asked for, so that a file with too many documents
 * is refused when it passes the limit, not after all of them are built, and a reader that keeps
 * only each document's value lets its tree go.
 */
export function* documentsWithin(
  source: string,
  file: string,
  lineCounter: LineCounter,
  budget: ImportBudget,
): Generator<Document.Parsed> {
  const parser = new Parser(lineCounter.addNewLine)
  const composer = new Composer({ version: '1.1', uniqueKeys: true })
  for (const doc of composer.compose(parser.parse(source))) {
    budget.document(file)
    for (const e of [...doc.errors, ...doc.warnings])
      e.linePos ??= [lineCounter.linePos(e.pos[0]), lineCounter.linePos(e.pos[1])]
    yield doc
  }
}

/** A document as plain data, refusing one whose aliases expand past the limit (a billion laughs). */
export function toJsWithin(doc: Document.Parsed, file: string, limits: Readonly<ImportLimits>): unknown {
  try {
    return doc.toJS({ maxAliasCount: limits.aliases })
  } catch (e) {
    if (e instanceof ReferenceError && /alias/i.test(e.message))
      throw new ImportLimitError(
        file,
        `a document may expand at most ${limits.aliases} aliases; this one expands more (a billion-laughs document?).`,
      )
    throw e
  }
}
