// Runs the CLI (bin/pacific-lab.js ARGS...) in this process and, as it exits, writes its peak
// memory (own-peak.mjs) and CPU time to the file MEASURE_OUT names: engine-scale.ts spawns it, so each
// figure is one whole CLI process's own.
import { writeFileSync } from 'node:fs'
import { resolve } from 'node:path'
import { pathToFileURL } from 'node:url'

import { ownPeakKiB } from './own-peak.mjs'

const out = process.env.MEASURE_OUT
if (!out) throw new Error('MEASURE_OUT must name the file for the figures')
process.argv = [process.argv[0], resolve('bin/pacific-lab.js'), ...process.argv.slice(2)]
process.on('exit', (code) => {
  const u = process.resourceUsage()
  const figures = { code, maxRssKiB: ownPeakKiB(), cpuMs: (u.userCPUTime + u.systemCPUTime) / 1000 }
  writeFileSync(out, JSON.stringify(figures))
})
await import(pathToFileURL(resolve('bin/pacific-lab.js')).href)
