import ELK from 'elkjs/lib/elk.bundled.js'
import type { ElkNode } from 'elkjs/lib/elk-api'

/** Runs ELK off the main thread, so a large lab's layout never freezes the canvas. */
const elk = new ELK()

self.onmessage = (e: MessageEvent<ElkNode>) => {
  elk.layout(e.data).then(
    (laid) => self.postMessage({ ok: true, laid }),
    (error: unknown) => self.postMessage({ ok: false, error: String(error) }),
  )
}
