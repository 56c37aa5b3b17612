import { KIND_LABELS, type Kind } from '../kinds'
import type { LabNode } from '../topology'
import { textWidth } from './text-width'

/**
 * How big each object is drawn on the canvas, in flow pixels. The sizes come from the names
 * they show (text-width.ts), so a name is cut only where its box has reached its largest size.
 * The CSS of the canvas nodes (styles.css: .card-node, .group-header, .derived-node) draws
 * within these numbers; change both together.
 */

export interface Size {
  width: number
  height: number
}

/** Kinds drawn as containers that hold their children; every other kind is a card. */
export const GROUP_KINDS: ReadonlySet<Kind> = new Set(['vcenter', 'cluster', 'supervisor', 'namespace'])

/** A card: kind colour bar, icon, name over a one-line summary. */
export const CARD = {
  minWidth: 200,
  maxWidth: 320,
  height: 60,
  /** 4 border + 12 padding + 18 icon + 10 gap + 12 padding + 2 for rounding. */
  chrome: 58,
} as const
/**
 * A host card also holds its usage (a line at rest; bars and what runs on it during playback)
 * and, beside its name, the "spherelet" tag of a host whose cluster runs a Supervisor.
 */
export const HOST = { minWidth: 220, height: 104, tag: 62 } as const
/** A read-only object the platform creates, in the strip along the bottom of its container. */
export const CHIP = { minWidth: 120, maxWidth: 280, height: 32, chrome: 44, gap: 10 } as const
/** Room a container keeps around its children: the header above, margins elsewhere. */
export const GROUP = {
  left: 20,
  top: 50,
  right: 20,
  bottom: 20,
  minWidth: 260,
  minHeight: 110,
  /** Height of the read-only strip below the children, when the container has one. */
  strip: 44,
  collapsedHeight: 64,
} as const
/** How far apart siblings end up when one has to make room for another. */
export const SIBLING_GAP = 30
/** Closer than this, two siblings count as touching and are pushed apart. */
export const SIBLING_CLEARANCE = 12
/** The same for objects on the canvas itself, which have more room. */
export const ROOT_GAP = 60

const NAME = { size: 13, bold: true } as const
const SMALL = { size: 11 } as const
const KIND_LABEL = { size: 11, uppercase: true, letterSpacing: 0.05 } as const

/** Width of a name as a card or a group header draws it. */
export const nameWidth = (name: string) => textWidth(name, NAME)

/** A card's size: wide enough for its name, up to CARD.maxWidth. */
export function cardSize(node: Pick<LabNode, 'kind' | 'name'>): Size & { clipped: boolean } {
  const host = node.kind === 'host'
  const want = CARD.chrome + (host ? HOST.tag : 0) + nameWidth(node.name)
  return {
    width: Math.min(CARD.maxWidth, Math.max(host ? HOST.minWidth : CARD.minWidth, want)),
    height: host ? HOST.height : CARD.height,
    clipped: want > CARD.maxWidth,
  }
}

/**
 * The narrowest a container's header can be and still show its name in full: toggle, icon,
 * name, kind, room for the one-line summary (which is cut first) and, for a namespace, the
 * quota bar it shows during playback.
 */
export function headerWidth(node: Pick<LabNode, 'kind' | 'name'>): number {
  const chrome = 20 + 16 + 18 + 8 * 4
  const summary = 110
  const usage = node.kind === 'namespace' ? 150 + 8 : 0
  return chrome + nameWidth(node.name) + textWidth(KIND_LABELS[node.kind], KIND_LABEL) + summary + usage
}

/** A read-only chip's size: wide enough for its name, up to CHIP.maxWidth. */
export function chipSize(name: string): Size & { clipped: boolean } {
  const want = CHIP.chrome + textWidth(name, SMALL)
  return {
    width: Math.min(CHIP.maxWidth, Math.max(CHIP.minWidth, want)),
    height: CHIP.height,
    clipped: want > CHIP.maxWidth,
  }
}

/** A collapsed container: its header and one summary line. */
export function collapsedSize(node: Pick<LabNode, 'kind' | 'name'>): Size {
  return { width: Math.max(GROUP.minWidth, headerWidth(node)), height: GROUP.collapsedHeight }
}
