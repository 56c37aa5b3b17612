// `npm test`: typecheck, lint, format check, unit tests (vitest), the desktop tests of the built
// app (vitest) and end-to-end tests (Playwright in serve mode, plus the Electron launch where the
// runtime exists). Every step runs even when
// an earlier one fails, and the last line is the count: `tests: N passed, M failed`.
import { spawnSync } from 'node:child_process'
import { mkdirSync, readFileSync, rmSync } from 'node:fs'
import { join } from 'node:path'

import { electronBuild, installedElectron, root } from './native.mjs'

const results = { passed: 0, failed: 0, skipped: 0 }
const failures = []
const node = process.execPath
const bin = (pkg, file) => join(root, 'node_modules', pkg, file)

function run(label, args, env = {}) {
  console.log(`\n=== ${label}`)
  const r = spawnSync(args[0], args.slice(1), {
    cwd: root,
    stdio: 'inherit',
    env: { ...process.env, ...env },
  })
  return r.status === 0
}

function check(label, args) {
  if (run(label, args)) results.passed++
  else {
    results.failed++
    failures.push(label)
  }
}

function readJson(file) {
  try {
    return JSON.parse(readFileSync(file, 'utf8'))
  } catch {
    return null
  }
}

mkdirSync(join(root, 'test-results'), { recursive: true })
if (!run('native module for Node', [node, 'scripts/ensure-native.mjs', 'node'])) {
  results.failed++
  failures.push('better-sqlite3 for Node')
}

check('typecheck (shared)', [node, bin('typescript', 'bin/tsc'), '--noEmit', '-p', 'tsconfig.shared.json'])
check('typecheck (node, main, preload, tests)', [
  node,
  bin('typescript', 'bin/tsc'),
  '--noEmit',
  '-p',
  'tsconfig.node.json',
])
check('typecheck (renderer)', [node, bin('typescript', 'bin/tsc'), '--noEmit', '-p', 'tsconfig.web.json'])
check('typecheck (renderer stores under Node)', [
  node,
  bin('typescript', 'bin/tsc'),
  '--noEmit',
  '-p',
  'tsconfig.renderer-tests.json',
])
check('lint', [node, bin('eslint', 'bin/eslint.js'), '.', '--max-warnings', '0'])
check('format', [node, bin('prettier', 'bin/prettier.cjs'), '--check', '.'])

/** Runs vitest with a JSON report and counts its tests; a run that fails without a failed test counts once. */
function vitest(label, report, extraArgs = []) {
  const json = join(root, 'test-results', report)
  rmSync(json, { force: true })
  const ok = run(label, [
    node,
    bin('vitest', 'vitest.mjs'),
    'run',
    ...extraArgs,
    '--reporter=default',
    '--reporter=json',
    `--outputFile=${json}`,
  ])
  const counted = readJson(json)
  if (!counted) {
    results.failed++
    failures.push(`${label} (no report)`)
    return
  }
  results.passed += counted.numPassedTests
  results.failed += counted.numFailedTests
  results.skipped += counted.numPendingTests + (counted.numTodoTests ?? 0)
  if (counted.numFailedTests > 0 || !ok) failures.push(label)
  if (!ok && counted.numFailedTests === 0) results.failed++
}

vitest('unit tests (vitest)', 'unit.json')

if (run('build', [node, bin('electron-vite', 'bin/electron-vite.js'), 'build'])) {
  // The built app itself: every bundle parses, the main process boots under the stand-in
  // Electron, and npm start opens the window or serves the app.
  vitest('desktop tests (built bundles, main-process boot, npm start)', 'desktop.json', [
    '--config',
    'vitest.desktop.config.ts',
  ])
  const env = {}
  if (installedElectron()) {
    if (run('native module for Electron', [node, 'scripts/ensure-native.mjs', 'electron']))
      env.PACIFIC_LAB_SQLITE_BINDING = electronBuild()
  }
  const e2eJson = join(root, 'test-results', 'e2e.json')
  rmSync(e2eJson, { force: true })
  const e2eOk = run('end-to-end tests (Playwright)', [node, bin('@playwright/test', 'cli.js'), 'test'], env)
  const e2e = readJson(e2eJson)
  if (e2e) {
    results.passed += e2e.stats.expected + e2e.stats.flaky
    results.failed += e2e.stats.unexpected
    results.skipped += e2e.stats.skipped
    if (e2e.stats.unexpected > 0 || !e2eOk) failures.push('end-to-end tests')
    if (!e2eOk && e2e.stats.unexpected === 0) results.failed++
  } else {
    results.failed++
    failures.push('end-to-end tests (no report)')
  }
} else {
  results.failed++
  failures.push('build')
}

console.log('')
if (failures.length > 0) console.log(`Failed: ${failures.join(', ')}`)
console.log(
  `tests: ${results.passed} passed, ${results.failed} failed${results.skipped ? `, ${results.skipped} skipped` : ''}`,
)
process.exitCode = results.failed > 0 ? 1 : 0
