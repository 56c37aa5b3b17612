#!/usr/bin/env node
// `npm run bench [-- --json] [-- --only=a,b]`: every benchmark, as one JSON object with --json.
import { register } from 'tsx/esm/api'

register()
await import('../bench/index.ts')
