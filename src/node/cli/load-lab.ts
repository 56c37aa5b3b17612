import type { LabDocument } from '../../shared/domain/lab-document'
import { loadDemoLab } from '../demo-lab'
import { CliUsageError } from './command'

/**
 * Reads the LAB argument of a CLI command: the word `demo` (the embedded demo lab) or a lab file.
 */
export function loadLabArgument(arg: string | undefined): LabDocument {
  if (arg === undefined) throw new CliUsageError('LAB is missing: give "demo" or a lab file')
  if (arg === 'demo') return loadDemoLab()
  throw new CliUsageError(`cannot open "${arg}": lab files are not supported yet; use "demo"`)
}
