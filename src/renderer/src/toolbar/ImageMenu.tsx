import { exportImage, type ExportImageOptions } from '../export/export-image'
import { Icon } from '../icons/Icon'
import { selectSelection, useSelectionStore } from '../stores/selection-store'

const CHOICES: readonly { value: string; label: string; options: ExportImageOptions }[] = [
  { value: 'png:canvas', label: 'PNG of the canvas', options: { format: 'png', scope: 'canvas' } },
  { value: 'svg:canvas', label: 'SVG of the canvas', options: { format: 'svg', scope: 'canvas' } },
  { value: 'png:selection', label: 'PNG of the selection', options: { format: 'png', scope: 'selection' } },
  { value: 'svg:selection', label: 'SVG of the selection', options: { format: 'svg', scope: 'selection' } },
]

/**
 * "Image" in the canvas toolbar: a picture of the canvas or of the selection, as PNG or SVG.
 * A native select, so it opens, moves and closes (Escape) from the keyboard like any menu.
 */
export function ImageMenu() {
  const selected = useSelectionStore(selectSelection).length > 0
  return (
    <label
      className="image-menu"
      title="Save a picture of the canvas or the selection (Ctrl/Cmd+Shift+E: PNG)"
    >
      <Icon name="image" />
      <select
        data-testid="export-image"
        aria-label="Export image"
        value=""
        onChange={(e) => {
          const choice = CHOICES.find((c) => c.value === e.target.value)
          if (choice) void exportImage(choice.options)
        }}
      >
        <option value="" disabled hidden>
          Image
        </option>
        {CHOICES.map((c) => (
          <option key={c.value} value={c.value} disabled={c.options.scope === 'selection' && !selected}>
            {c.label}
          </option>
        ))}
      </select>
    </label>
  )
}
