/**
 * What the canvas lends the menus: zooming needs React Flow's instance, which only a component
 * inside the canvas's provider holds. The toolbar registers it while it is mounted. (Fit is a
 * request any action can make: `requestFit`.)
 */
export interface ViewControls {
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
