/** A box on the canvas, in flow pixels: top-left corner and size. */
export interface Box {
  x: number
  y: number
  width: number
  height: number
}

export interface SettleItem extends Box {
  id: string
  /** Placed after the others, so it is the one that moves (an object just added). */
  late?: boolean
}

export interface SettleOptions {
  /** Siblings closer than this touch and one of them moves. */
  clearance: number
  /** How far apart a moved sibling ends up from the one it made room for. */
  gap: number
  /** The top-left corner no item may cross (a container's header and margin). */
  min?: { x: number; y: number }
}

/** Whether two boxes come closer than `clearance` to each other. */
export function touches(a: Box, b: Box, clearance: number): boolean {
  return (
    a.x < b.x + b.width + clearance &&
    b.x < a.x + a.width + clearance &&
    a.y < b.y + b.height + clearance &&
    b.y < a.y + a.height + clearance
  )
}

/** Reading order: top to bottom, then left to right; an object just added comes last. */
const readingOrder = (a: SettleItem, b: SettleItem) =>
  Number(a.late ?? false) - Number(b.late ?? false) || a.y - b.y || a.x - b.x || (a.id < b.id ? -1 : 1)

/**
 * Places siblings so none touches another: in reading order each keeps its place if it is
 * free, else moves right or down past what it touches, whichever is the shorter way (moving
 * down counts triple), until it is free. Items only ever move right or down, so the loop ends;
 * an arrangement with nothing touching comes back unchanged, so settling twice is settling once. A pile (more pushing than
 * a few steps per item, as when hundreds of objects arrive at one spot) is laid out afresh as
 * rows instead, which is quicker and easier to read than a pushed-apart heap.
 */
export function settleSiblings(
  items: readonly SettleItem[],
  options: SettleOptions,
): Map<string, { x: number; y: number }> {
  const min = options.min ?? { x: -Infinity, y: -Infinity }
  const boxes = [...items]
    .sort(readingOrder)
    .map((item) => ({ ...item, x: Math.max(min.x, item.x), y: Math.max(min.y, item.y) }))
  const pushed = push(boxes, options)
  const out = new Map<string, { x: number; y: number }>()
  for (const b of pushed ?? rows(boxes, options.gap)) out.set(b.id, { x: b.x, y: b.y })
  return out
}

/**
 * Moving down costs this many times moving right: objects dropped on one spot line up in a row
 * (hosts in a cluster, pods in a namespace), while a container that grows a little over the
 * one below pushes it down rather than far to the side.
 */
const DOWN_COST = 3

/** Pushes boxes (in order) apart; null when that takes more steps than the pile is worth. */
function push(boxes: SettleItem[], { clearance, gap }: SettleOptions): SettleItem[] | null {
  const placed = new SpatialHash(clearance)
  let budget = 4 * boxes.length + 16
  for (const box of boxes) {
    for (let hits = placed.touching(box); hits.length > 0; hits = placed.touching(box)) {
      if (--budget < 0) return null
      let step = { x: box.x, y: box.y, cost: Infinity }
      for (const hit of hits) {
        const right = hit.x + hit.width + gap
        const down = hit.y + hit.height + gap
        if (right - box.x < step.cost) step = { x: right, y: box.y, cost: right - box.x }
        if ((down - box.y) * DOWN_COST < step.cost)
          step = { x: box.x, y: down, cost: (down - box.y) * DOWN_COST }
      }
      box.x = step.x
      box.y = step.y
    }
    placed.add(box)
  }
  return boxes
}

/** Boxes in reading order as rows about as wide as the pile is tall, from its top-left. */
function rows(boxes: SettleItem[], gap: number): SettleItem[] {
  const left = Math.min(...boxes.map((b) => b.x))
  const top = Math.min(...boxes.map((b) => b.y))
  const area = boxes.reduce((sum, b) => sum + (b.width + gap) * (b.height + gap), 0)
  const widest = Math.max(...boxes.map((b) => b.width))
  const rowWidth = Math.max(widest, Math.sqrt(area) * 1.6)
  let x = left
  let y = top
  let rowHeight = 0
  return boxes.map((b) => {
    if (x > left && x + b.width > left + rowWidth) {
      x = left
      y += rowHeight + gap
      rowHeight = 0
    }
    const out = { ...b, x, y }
    x += b.width + gap
    rowHeight = Math.max(rowHeight, b.height)
    return out
  })
}

const CELL = 512

/** Boxes bucketed by the grid cells they cover, so a look-up reads only its neighbourhood. */
class SpatialHash {
  private readonly cells = new Map<number, Box[]>()

  constructor(private readonly clearance: number) {}

  add(b: Box) {
    const c = this.clearance
    for (let i = Math.floor((b.x - c) / CELL); i <= Math.floor((b.x + b.width + c) / CELL); i++)
      for (let j = Math.floor((b.y - c) / CELL); j <= Math.floor((b.y + b.height + c) / CELL); j++) {
        const key = i * 1_048_576 + j
        const list = this.cells.get(key)
        if (list) list.push(b)
        else this.cells.set(key, [b])
      }
  }

  touching(b: Box): Box[] {
    const out: Box[] = []
    for (let i = Math.floor(b.x / CELL); i <= Math.floor((b.x + b.width) / CELL); i++)
      for (let j = Math.floor(b.y / CELL); j <= Math.floor((b.y + b.height) / CELL); j++)
        for (const other of this.cells.get(i * 1_048_576 + j) ?? [])
          if (touches(b, other, this.clearance) && !out.includes(other)) out.push(other)
    return out
  }
}
