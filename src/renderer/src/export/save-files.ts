import { strToU8, zipSync } from 'fflate'

import type { ExportFormat } from '../../../shared/manifests/options'

interface File {
  path: string
  content: string
}

/** Offers bytes as a download; in Electron the same anchor download opens the save dialog. */
export function download(name: string, data: BlobPart, type: string) {
  const url = URL.createObjectURL(new Blob([data], { type }))
  const a = document.createElement('a')
  a.href = url
  a.download = name
  a.click()
  setTimeout(() => URL.revokeObjectURL(url), 1000)
}

/** A lab's name as the start of a file name: `Demo lab: the seed deck` to `demo-lab-the-seed-deck`. */
export function fileBase(labName: string): string {
  return (
    labName
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-|-$/g, '') || 'lab'
  )
}

/**
 * Saves an export: `yaml` as the one manifests.yaml (its vCenter requests need a folder, so they
 * come with the zip), `dir` and `zip` as one zip of the folder layout (a browser cannot write a
 * folder). Returns the file name offered.
 */
export function saveExport(files: readonly File[], format: ExportFormat, labName: string): string {
  const base = fileBase(labName)
  if (format === 'yaml') {
    const yaml = files.find((f) => f.path === 'manifests.yaml')
    const name = `${base}-manifests.yaml`
    download(name, yaml?.content ?? '', 'application/yaml')
    return name
  }
  const mtime = new Date(Date.UTC(2020, 0, 1))
  const zip = zipSync(Object.fromEntries(files.map((f) => [f.path, [strToU8(f.content), { mtime }]])))
  const name = `${base}-manifests.zip`
  download(name, zip, 'application/zip')
  return name
}
