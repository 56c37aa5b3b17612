/**
 * What the canvas lends the menus: fit and zoom need React Flow's instance, which only a
 * component inside the canvas's provider holds. The toolbar registers them while it is mounted.
 */
export interface ViewControls {
  fit(): void
  zoomIn(): void
  zoomOut(): void
}

let current: ViewControls | null = null

/** Lends the controls; returns the function that takes them back. */
export function registerViewControls(controls: ViewControls): () => void {
  current = controls
  return () => {
    if (current === controls) current = null
  }
}

/** The canvas's controls, or null while no lab is shown. */
export const viewControls = () => current
