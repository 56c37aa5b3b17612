import '@xyflow/react/dist/style.css'
import './styles.css'

import { StrictMode } from 'react'
import { createRoot } from 'react-dom/client'

import type { LabClient } from '../../shared/contract/contract'
import { App } from './App'
import { installLabClient } from './api/lab-client'
import { applySavedTheme } from './toolbar/theme'

/** Starts the app on `client`: the one place a transport is handed to the renderer. */
export function mountApp(client: LabClient, root = document.getElementById('root')): void {
  if (!root) throw new Error('The page has no #root element')
  installLabClient(client)
  applySavedTheme()
  createRoot(root).render(
    <StrictMode>
      <App />
    </StrictMode>,
  )
}
