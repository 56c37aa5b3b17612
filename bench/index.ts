import { canvasBenchmark } from './canvas.bench'
import { contractBenchmark } from './contract.bench'
import { engineBenchmark } from './engine.bench'
import type { Benchmark } from './harness'
import { manifestsBenchmark } from './manifests.bench'
import { persistenceBenchmark } from './persistence.bench'
import { playbackBenchmark } from './playback.bench'

/** Every benchmark of the project; each issue adds its own here. */
const BENCHMARKS: readonly Benchmark[] = [
  contractBenchmark,
  engineBenchmark,
  persistenceBenchmark,
  manifestsBenchmark,
  canvasBenchmark,
  playbackBenchmark,
]

const json = process.argv.includes('--json')
const only = process.argv.find((a) => a.startsWith('--only='))?.slice('--only='.length)
const figures: Record<string, Record<string, number>> = {}
for (const benchmark of BENCHMARKS) {
  if (only && !only.split(',').includes(benchmark.name)) continue
  if (!json) console.error(`running ${benchmark.name}...`)
  figures[benchmark.name] = await benchmark.run()
}
if (json) console.log(JSON.stringify(figures))
else
  for (const [name, values] of Object.entries(figures)) {
    console.log(name)
    for (const [key, value] of Object.entries(values)) console.log(`  ${key.padEnd(40)} ${value}`)
  }
