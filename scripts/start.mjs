// `npm start`: builds the app and opens it in Electron on the demo lab (or the last lab).
// Where the Electron runtime is missing it says so and points to serve mode.
import { execFileSync, spawn } from 'node:child_process'

import { electronBinary, electronBuild, root } from './native.mjs'

const binary = electronBinary()
if (!binary) {
  console.error(
    [
      'The Electron runtime is not installed on this machine (node_modules/electron has no dist/),',
      'so the desktop window cannot open here. Electron downloads its runtime on first use where the',
      'internet is reachable ("npx electron --version" fetches it); until then use Pacific Lab in your browser:',
      '',
      '    npm run serve',
    ].join('\n'),
  )
  process.exit(1)
}
execFileSync(process.execPath, ['scripts/ensure-native.mjs', 'electron'], { cwd: root, stdio: 'inherit' })
execFileSync(process.execPath, ['node_modules/electron-vite/bin/electron-vite.js', 'build'], {
  cwd: root,
  stdio: 'inherit',
})
const child = spawn(binary, ['.', ...process.argv.slice(2)], {
  cwd: root,
  stdio: 'inherit',
  env: { ...process.env, PACIFIC_LAB_SQLITE_BINDING: electronBuild() },
})
child.on('exit', (code) => process.exit(code ?? 0))
