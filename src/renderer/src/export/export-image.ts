import { toPng, toSvg } from 'html-to-image'

import { currentRects } from '../canvas/rects-registry'
import { setExporting } from '../stores/canvas-view-store'
import { currentTopology, useLabStore } from '../stores/lab-store'
import { toast } from '../stores/notice-store'
import { useSelectionStore } from '../stores/selection-store'
import { chipShown, imageScope, type ImageScope } from './image-scope'
import { download, fileBase } from './save-files'

export interface ExportImageOptions {
  format: 'png' | 'svg'
  scope: 'canvas' | 'selection'
}

/** Pixels per canvas pixel in a PNG: sharp on a high-density screen and in print. */
export const PNG_PIXEL_RATIO = 2
/** How long the canvas may take to draw every object before the picture is taken anyway. */
const DRAW_WAIT_MS = 3000

/**
 * Saves a picture of the canvas, or of the selection, as PNG or as a self-contained SVG: every
 * object (not only those on screen), its badges and labels, the edges between them, the icons
 * (inline SVG) and the styles inlined, at a canvas pixel per image pixel (PNG: two). Serve mode
 * and Electron both save it as a download (the contract has no save-file request yet; Electron
 * asks where through its download dialog). Returns the file name, or null when nothing shows.
 * The toolbar, the keymap and (later) the File menu all call this.
 */
export async function exportImage(options: ExportImageOptions): Promise<string | null> {
  const topology = currentTopology()
  if (!topology) return null
  const selection = useSelectionStore.getState().selection
  const scope = imageScope(topology, currentRects(), options.scope, selection)
  if (!scope) {
    toast(options.scope === 'selection' ? 'Select objects to export first.' : 'The canvas is empty.', 'error')
    return null
  }
  const labName = useLabStore.getState().snapshot?.name ?? 'lab'
  const name = `${fileBase(labName)}-${options.scope}.${options.format}`
  // The canvas draws only what is on screen and leaves details out when zoomed far out; for
  // the picture it draws everything in full, then goes back.
  setExporting(true)
  try {
    const viewport = await drawn(scope)
    const picture = await capture(viewport, scope, options.format)
    if (options.format === 'svg') download(name, withBackground(svgText(picture)), 'image/svg+xml')
    else download(name, pngBytes(picture), 'image/png')
  } catch (e) {
    toast(`The picture could not be made: ${e instanceof Error ? e.message : String(e)}`, 'error')
    return null
  } finally {
    setExporting(false)
  }
  toast(`Saved ${name}`)
  return name
}

/** The viewport element once every object of the picture is in the page. */
async function drawn(scope: ImageScope): Promise<HTMLElement> {
  const start = performance.now()
  for (;;) {
    await new Promise((resolve) => requestAnimationFrame(resolve))
    const viewport = document.querySelector<HTMLElement>('.react-flow__viewport')
    const shown = new Set(
      [...document.querySelectorAll<HTMLElement>('.react-flow__node')].map((el) => el.dataset['id']),
    )
    const missing = [...scope.nodes].some((id) => !shown.has(id))
    if (viewport && (!missing || performance.now() - start > DRAW_WAIT_MS)) return viewport
  }
}

const background = () =>
  getComputedStyle(document.documentElement).getPropertyValue('--bg').trim() || '#ffffff'

function capture(viewport: HTMLElement, scope: ImageScope, format: 'png' | 'svg'): Promise<string> {
  const { x, y, width, height } = scope.bounds
  const options = {
    width: Math.ceil(width),
    height: Math.ceil(height),
    style: {
      width: `${Math.ceil(width)}px`,
      height: `${Math.ceil(height)}px`,
      transform: `translate(${-x}px, ${-y}px) scale(1)`,
    },
    filter: (el: HTMLElement) => keep(el, scope),
  }
  return format === 'png'
    ? toPng(viewport, { ...options, pixelRatio: PNG_PIXEL_RATIO })
    : toSvg(viewport, options)
}

/** Whether an element of the viewport belongs in the picture: its objects and their edges. */
function keep(el: HTMLElement, scope: ImageScope): boolean {
  if (!(el instanceof Element) || !el.classList) return true
  const id = el.getAttribute('data-id')
  if (id === null) return true
  if (el.classList.contains('react-flow__node')) return scope.nodes.has(id) || chipShown(id, scope.nodes)
  if (el.classList.contains('react-flow__edge')) return scope.links.has(id)
  return true
}

/** The bytes of a `data:image/png;base64,…` URL (fetching it is against the page's CSP). */
function pngBytes(dataUrl: string): Uint8Array<ArrayBuffer> {
  const text = atob(dataUrl.slice(dataUrl.indexOf(',') + 1))
  const bytes = new Uint8Array(text.length)
  for (let i = 0; i < text.length; i++) bytes[i] = text.charCodeAt(i)
  return bytes
}

/** The SVG with the canvas background as its first, full-size shape. */
function withBackground(svg: string): string {
  const open = svg.indexOf('>') + 1
  return `${svg.slice(0, open)}<rect width="100%" height="100%" fill="${background()}"/>${svg.slice(open)}`
}

/** The SVG document of an `data:image/svg+xml;charset=utf-8,…` URL. */
function svgText(dataUrl: string): string {
  return decodeURIComponent(dataUrl.slice(dataUrl.indexOf(',') + 1))
}
