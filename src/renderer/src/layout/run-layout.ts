import type { ElkNode } from 'elkjs/lib/elk-api'

import { requestFit, setLayingOut } from '../stores/canvas-view-store'
import { sendBatch } from '../stores/edit-actions'
import { currentTopology } from '../stores/lab-store'
import { toast } from '../stores/notice-store'
import { layoutBatch, toElkGraph } from './elk-graph'

/** Lays the lab out with ELK in a Web Worker; the result is one undoable move batch. */
export async function runLayout() {
  const topology = currentTopology()
  if (!topology || topology.nodes.length === 0) return
  setLayingOut(true)
  const worker = new Worker(new URL('./layout.worker.ts', import.meta.url), { type: 'module' })
  try {
    const reply = await new Promise<{ ok: true; laid: ElkNode } | { ok: false; error: string }>((resolve) => {
      worker.onmessage = (e: MessageEvent<{ ok: true; laid: ElkNode } | { ok: false; error: string }>) =>
        resolve(e.data)
      worker.onerror = (e) => resolve({ ok: false, error: e.message })
      worker.postMessage(toElkGraph(topology))
    })
    if (!reply.ok) toast(`Auto-layout failed: ${reply.error}`, 'error')
    else {
      await sendBatch(layoutBatch(topology, reply.laid))
      // The new arrangement may sit anywhere: show all of it.
      requestFit()
    }
  } finally {
    worker.terminate()
    setLayingOut(false)
  }
}
