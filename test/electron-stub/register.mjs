// `node --import register.mjs MAIN`: runs an Electron main script under the stand-in `electron`
// module. Also records which native builds the process loads (better-sqlite3's nativeBinding
// shows there), and, when started by boot.ts (an IPC channel), answers its requests.
import { register } from 'node:module'

register('./hooks.mjs', import.meta.url)

const { record, stubEvents } = await import('./electron.mjs')
const { act } = await import('./act.mjs')

const dlopen = process.dlopen.bind(process)
process.dlopen = (module, filename, ...rest) => {
  record.nativeModules.push(filename)
  return dlopen(module, filename, ...rest)
}

const send = process.send?.bind(process)
if (send) {
  process.on('message', (message) => {
    if (message?.type !== 'act') return
    const { id, action, args } = message
    Promise.resolve()
      .then(() => {
        if (typeof act[action] !== 'function') throw new Error(`the stand-in has no action "${action}"`)
        return act[action](...args)
      })
      .then(
        (value) => send({ type: 'reply', id, ok: true, value }),
        (e) => send({ type: 'reply', id, ok: false, error: e instanceof Error ? e.message : String(e) }),
      )
  })
  stubEvents.on('loaded', (entry) => send({ type: 'loaded', loaded: entry.loaded }))
  stubEvents.on('sent', (sent) => send({ type: 'sent', sent }))
}
// Electron ends the process when the app quits; so does the stand-in, once the parent knows.
// The parent hears what the app did before it quit, also when it quit before opening a window.
stubEvents.on('quit', () => {
  if (send) send({ type: 'quit', snapshot: act.snapshot() }, () => process.exit(0))
  else process.exit(0)
})
// A parent that goes away takes its stand-in app with it: no orphan processes after a test.
process.on('disconnect', () => process.exit(0))
