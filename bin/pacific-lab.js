#!/usr/bin/env node
// Runs the CLI from its TypeScript sources through tsx, so it works right after `npm ci`.
import { register } from 'tsx/esm/api'

register()
await import('../src/node/cli/entry.ts')
