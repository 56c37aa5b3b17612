/**
 * Runs `task` once the frame being prepared is on screen: work that would otherwise hold the
 * first paint of a large lab (checking it, copying it to a worker) comes just after it.
 */
export function afterPaint(task: () => void): void {
  if (typeof requestAnimationFrame === 'undefined') setTimeout(task, 0)
  else requestAnimationFrame(() => setTimeout(task, 0))
}
