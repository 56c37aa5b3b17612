import { StrictMode } from 'react'
import { createRoot } from 'react-dom/client'

import { mountApp } from '../../src/renderer/src/mount-app'
import { generateLab } from './generate-lab'
import { memoryClient } from './memory-client'
import { PlainCanvas } from './PlainCanvas'

/**
 * The benchmark page, built only by the benchmarks (bench/page.vite.config.ts): `?bench=N`
 * mounts the product app on a generated lab of about N nodes through an in-memory client;
 * `&plain=1` draws a plain React Flow canvas of N default nodes to compare against.
 */
const params = new URLSearchParams(window.location.search)
const count = Number(params.get('bench') ?? '')
if (!Number.isInteger(count) || count <= 0) throw new Error('The benchmark page wants ?bench=N')
const root = document.getElementById('root')
if (params.get('plain') === '1' && root)
  createRoot(root).render(
    <StrictMode>
      <PlainCanvas count={count} />
    </StrictMode>,
  )
else
  mountApp(
    memoryClient({
      path: null,
      name: `benchmark (${count} nodes)`,
      readOnly: false,
      revision: 0,
      topology: generateLab(count),
      undoLabel: null,
      redoLabel: null,
    }),
  )
