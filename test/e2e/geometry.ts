import type { Page } from '@playwright/test'

import { expect } from './serve-fixture'

/**
 * Geometry checks of the drawn canvas, as a user sees it (bounding boxes in the page, whatever
 * the zoom). Only objects drawn now are checked: the canvas draws what is on screen, so fit
 * first to check the whole lab. The functions passed to `page.evaluate` run in the page; they
 * are typed with the few DOM members they read (this project is type-checked without the DOM
 * library) and use nothing from outside their own body.
 */

/**
 * No two siblings overlap, every child lies inside its parent, nothing a card holds (usage
 * bars, chips, summaries) spills out of it, and no name is cut where its box has room (the
 * layout marks the few names too long for the widest card with `data-name-clipped`; those keep
 * their full name in a tooltip).
 */
export async function expectNoOverlap(page: Page): Promise<void> {
  expect(await page.evaluate(canvasProblems)).toEqual([])
}

/** What `expectNoOverlap` checks, as a list of problems (a journey reports them softly, step by step). */
export const overlapProblems = (page: Page): Promise<string[]> => page.evaluate(canvasProblems)

/** After Fit, the minimap covers no object. */
export async function expectClearOfMinimap(page: Page): Promise<void> {
  expect(await page.evaluate(underMinimap)).toEqual([])
}

/** Every drawn edge goes around the cards and read-only chips, never across one. */
export async function expectEdgesClearOfCards(page: Page): Promise<void> {
  expect(await page.evaluate(edgesAcrossCards)).toEqual([])
}

interface Rect {
  left: number
  top: number
  right: number
  bottom: number
  width: number
  height: number
}
interface El {
  dataset: Record<string, string | undefined>
  className: unknown
  tagName: string
  title: string
  textContent: string | null
  scrollWidth: number
  clientWidth: number
  getBoundingClientRect(): Rect
  querySelector(selector: string): El | null
  querySelectorAll(selector: string): ArrayLike<El>
  closest(selector: string): El | null
}
interface PathEl extends El {
  getTotalLength(): number
  getPointAtLength(at: number): { matrixTransform(m: unknown): { x: number; y: number } }
  getScreenCTM(): unknown
}
type PageDocument = Pick<El, 'querySelector' | 'querySelectorAll'>

function canvasProblems(): string[] {
  const doc = (globalThis as unknown as { document: PageDocument }).document
  const NODE = '[data-testid^="node-"][data-kind]'
  // Badges sit on a corner by design, handles on the border; neither is content.
  const OUTSIDE_BY_DESIGN = '.problem-badge, .pb-badge, .react-flow__handle'
  const SLACK = 1
  const problems: string[] = []
  const nodes = Array.from(doc.querySelectorAll(NODE))
  const idOf = (el: El) => (el.dataset['testid'] ?? '').slice('node-'.length)
  const boxes = new Map(nodes.map((el) => [idOf(el), el.getBoundingClientRect()]))
  const within = (inner: Rect, outer: Rect) =>
    inner.left >= outer.left - SLACK &&
    inner.top >= outer.top - SLACK &&
    inner.right <= outer.right + SLACK &&
    inner.bottom <= outer.bottom + SLACK
  const overlap = (a: Rect, b: Rect) =>
    a.left < b.right - SLACK &&
    b.left < a.right - SLACK &&
    a.top < b.bottom - SLACK &&
    b.top < a.bottom - SLACK

  const byParent = new Map<string, El[]>()
  for (const el of nodes) {
    const parent = el.dataset['parentId'] ?? ''
    byParent.set(parent, [...(byParent.get(parent) ?? []), el])
  }
  for (const [parent, siblings] of byParent) {
    for (let i = 0; i < siblings.length; i++)
      for (let j = i + 1; j < siblings.length; j++)
        if (overlap(siblings[i]!.getBoundingClientRect(), siblings[j]!.getBoundingClientRect()))
          problems.push(`${idOf(siblings[i]!)} overlaps ${idOf(siblings[j]!)}`)
    const outer = boxes.get(parent)
    if (outer)
      for (const child of siblings)
        if (!within(child.getBoundingClientRect(), outer))
          problems.push(`${idOf(child)} spills out of ${parent}`)
  }

  for (const el of nodes) {
    const box = el.getBoundingClientRect()
    for (const part of Array.from(el.querySelectorAll('*'))) {
      // Parts of a child node are checked against that child.
      if (part.closest(OUTSIDE_BY_DESIGN) || part.closest(NODE) !== el) continue
      const r = part.getBoundingClientRect()
      if (r.width > 0 && r.height > 0 && !within(r, box))
        problems.push(`a ${String(part.className) || part.tagName} spills out of ${idOf(el)}`)
    }
    const name = el.querySelector('.node-name')
    if (!name || name.closest(NODE) !== el || name.scrollWidth <= name.clientWidth + 1) continue
    const full = name.textContent ?? ''
    if (el.dataset['nameClipped'] !== 'true')
      problems.push(`the name ${full} is cut though ${idOf(el)} has room`)
    else if (!`${el.title} ${name.title}`.includes(full)) problems.push(`the cut name ${full} has no tooltip`)
  }
  return problems
}

function underMinimap(): string[] {
  const doc = (globalThis as unknown as { document: PageDocument }).document
  const minimap = doc.querySelector('.react-flow__minimap')?.getBoundingClientRect()
  if (!minimap) return []
  return Array.from(doc.querySelectorAll('[data-testid^="node-"][data-kind]'))
    .filter((el) => {
      const r = el.getBoundingClientRect()
      return (
        r.left < minimap.right && minimap.left < r.right && r.top < minimap.bottom && minimap.top < r.bottom
      )
    })
    .map((el) => el.dataset['testid'] ?? '')
}

function edgesAcrossCards(): string[] {
  const doc = (globalThis as unknown as { document: PageDocument }).document
  const cards = Array.from(doc.querySelectorAll('.card-node, .derived-node')).map((el) => ({
    id: el.dataset['testid'] ?? '',
    r: el.getBoundingClientRect(),
  }))
  const crossed = new Set<string>()
  for (const path of Array.from(
    doc.querySelectorAll('.react-flow__edge path.react-flow__edge-path'),
  ) as PathEl[]) {
    const matrix = path.getScreenCTM()
    const length = path.getTotalLength()
    // Sampled every 4 px; a point on a card's border (or its 1 px edge) is not across it.
    for (let at = 0; at <= length; at += 4) {
      const p = path.getPointAtLength(at).matrixTransform(matrix)
      for (const { id, r } of cards)
        if (p.x > r.left + 1 && p.x < r.right - 1 && p.y > r.top + 1 && p.y < r.bottom - 1) crossed.add(id)
    }
  }
  return [...crossed]
}
