/// <reference types="vite/client" />
import type { LabBridge } from '../../shared/contract/channels'

declare global {
  interface Window {
    /** Present in Electron (set by the preload); absent in serve mode. */
    lab?: LabBridge
  }
}
