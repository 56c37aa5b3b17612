import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'

import { LabService } from '../src/node/lab-service'
import { startServer } from '../src/node/server'
import type { Topology } from '../src/shared/domain/topology'
import { RENDERER } from './browser'

/**
 * The app served over HTTP from a LabService on a throwaway data folder (a benchmark's lab and
 * runs must not land in the user's demo lab), holding `topology` in place of the demo lab when
 * given. `url` opens the window; `close` stops the server and the service.
 */
export async function serveLab(topology?: Topology, label = 'Open the benchmark lab') {
  const service = new LabService('serve', { dataDir: mkdtempSync(join(tmpdir(), 'pl-bench-')) })
  if (topology) {
    const demo = service.handlers.getTopology().topology
    service.handlers.applyEdits({
      batch: {
        label,
        edits: [
          { type: 'removeNodes', nodes: demo.nodes, links: demo.links },
          { type: 'addNodes', nodes: topology.nodes, links: topology.links },
        ],
      },
    })
  }
  const server = await startServer({ port: 0, rendererDir: RENDERER, service })
  return {
    url: `http://127.0.0.1:${server.port}/?token=${server.token}`,
    async close() {
      await server.close()
      service.close()
    },
  }
}
