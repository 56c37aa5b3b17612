// The program behind the stand-in Electron executable (executable.ts writes the script that runs
// it with register.mjs): starts the app named on the command line as Electron would (a folder
// means its package.json "main"), records how it was started and what the main process did
// until its window loaded, then quits the app. The record goes to PACIFIC_LAB_STUB_RECORD.
import { existsSync, readFileSync, statSync, writeFileSync } from 'node:fs'
import { join, resolve } from 'node:path'
import { pathToFileURL } from 'node:url'

import { act } from './act.mjs'
import { app, stubEvents } from './electron.mjs'

const argv = process.argv.slice(2)
const appArg = argv.find((a) => !a.startsWith('-')) ?? '.'

function entryOf(path) {
  if (!statSync(path).isDirectory()) return path
  const pkg = JSON.parse(readFileSync(join(path, 'package.json'), 'utf8'))
  return resolve(path, pkg.main ?? 'index.js')
}

const main = entryOf(resolve(appArg))
const env = Object.fromEntries(
  Object.entries(process.env).filter(([k]) => k.startsWith('PACIFIC_LAB_') || k.startsWith('ELECTRON_')),
)
const recordFile = process.env['PACIFIC_LAB_STUB_RECORD']
if (!recordFile) throw new Error('the stand-in Electron needs PACIFIC_LAB_STUB_RECORD')

stubEvents.once('loaded', () => {
  writeFileSync(
    recordFile,
    JSON.stringify({
      argv,
      cwd: process.cwd(),
      main,
      mainExists: existsSync(main),
      env,
      snapshot: act.snapshot(),
    }),
  )
  app.quit()
})
await import(pathToFileURL(main).href)
