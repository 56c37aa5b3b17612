import { toast } from '../stores/notice-store'
import { useSelectionStore } from '../stores/selection-store'

/** What File > Export Image asks for: a picture of the canvas, or of the selection when there is one. */
export interface ImageRequest {
  format: 'png' | 'svg'
  scope: 'canvas' | 'selection'
}

type ImageExporter = (request: ImageRequest) => unknown

/**
 * The picture export (`exportImage({format, scope})` of export/export-image.ts) is wired here
 * by `wireImageExport` at start; until it is, the menu item says so instead of doing nothing.
 */
let exporter: ImageExporter | null = null

export function wireImageExport(exportImage: ImageExporter): void {
  exporter = exportImage
}

/** File > Export Image: a PNG of the selection, else of the whole canvas. */
export function exportImageFromMenu(): unknown {
  const scope = useSelectionStore.getState().selection.length > 0 ? 'selection' : 'canvas'
  if (!exporter) {
    toast('Image export is not available in this build.', 'error')
    return false
  }
  return exporter({ format: 'png', scope })
}
