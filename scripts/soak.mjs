// `npm run test:soak`: the contract fuzz at full size (1,000 generated inputs per request and
// transport) and the random-edit property test at full size (thousands of batches), then a
// closing note with the figures, and the count line: `soak: N passed, M failed`.
import { spawnSync } from 'node:child_process'
import { readFileSync, rmSync } from 'node:fs'
import { join } from 'node:path'

import { root } from './native.mjs'

const results = join(root, 'test-results')
const figuresFile = (file) => {
  try {
    return JSON.parse(readFileSync(join(results, file), 'utf8'))
  } catch {
    return null
  }
}
const figures = (name) => figuresFile(`soak-${name}.json`)
for (const name of ['fuzz', 'property']) rmSync(join(results, `soak-${name}.json`), { force: true })

const native = spawnSync(process.execPath, ['scripts/ensure-native.mjs', 'node'], {
  cwd: root,
  stdio: 'inherit',
})
const run = spawnSync(
  process.execPath,
  [
    join(root, 'node_modules', 'vitest', 'vitest.mjs'),
    'run',
    'test/soak',
    '--reporter=default',
    '--reporter=json',
    `--outputFile=${join(results, 'soak.json')}`,
  ],
  { cwd: root, stdio: 'inherit', env: { ...process.env, PACIFIC_LAB_SOAK: '1' } },
)
const report = figuresFile('soak.json')
const fuzz = figures('fuzz')
const property = figures('property')
console.log('')
if (fuzz)
  console.log(
    `fuzz: ${fuzz.inputs} inputs (${fuzz.perRequest} per request and transport, ${fuzz.requests} requests; ipc ${fuzz.ipc}, http ${fuzz.http}), crashes ${fuzz.crashes}, untyped errors ${fuzz.untypedErrors}, refusals that changed the lab ${fuzz.changedOnRefusal}`,
  )
else console.log('fuzz: no figures (the fuzz did not finish)')
if (property)
  console.log(
    `property: ${property.batches} random edit batches and ${property.undoRedo} undo/redo (${property.applied} applied, ${property.refused} refused), ${property.reopens} reopens, labs that failed to reopen ${property.failedToReopen}, untyped errors ${property.untyped}`,
  )
else console.log('property: no figures (the property test did not finish)')
const passed = report?.numPassedTests ?? 0
const failed = (report?.numFailedTests ?? 1) + (native.status === 0 ? 0 : 1)
console.log(`soak: ${passed} passed, ${failed} failed`)
process.exitCode = run.status === 0 && native.status === 0 ? 0 : 1
