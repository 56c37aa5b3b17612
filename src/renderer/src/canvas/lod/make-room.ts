/** A child of a container as toFlow sizes it: position relative to the container, and size. */
export interface Placed {
  id: string
  position: { x: number; y: number }
  size: { width: number; height: number }
}

/** Space left above a sibling that had to move. */
const GAP = 20

/**
 * Moves siblings down, in reading order, until none overlaps one before it: a grid that grew
 * pushes what stood beside and below it further down, and everything else keeps its place.
 * Returns the new positions of the siblings that moved.
 */
export function makeRoom(children: readonly Placed[]): Map<string, { x: number; y: number }> {
  const order = [...children].sort(
    (a, b) => a.position.y - b.position.y || a.position.x - b.position.x || (a.id < b.id ? -1 : 1),
  )
  const placed: { x: number; y: number; right: number; bottom: number }[] = []
  const moved = new Map<string, { x: number; y: number }>()
  for (const child of order) {
    const { x } = child.position
    let { y } = child.position
    const right = x + child.size.width
    for (let blocked = true; blocked;) {
      blocked = false
      for (const p of placed)
        if (x < p.right && p.x < right && y < p.bottom && p.y < y + child.size.height) {
          y = p.bottom + GAP
          blocked = true
        }
    }
    placed.push({ x, y, right, bottom: y + child.size.height })
    if (y !== child.position.y) moved.set(child.id, { x, y })
  }
  return moved
}
