// The plan worker's entry where Pacific Lab runs from its TypeScript sources (serve mode, the
// CLI, tests, benchmarks): a worker thread does not inherit the parent's tsx hooks, so it
// registers its own. The Electron build bundles plan-worker.ts instead (src/main/index.ts).
import { register } from 'tsx/esm/api'

register()
await import('./plan-worker.ts')
