// Opens an address in the user's browser where there is one: `open` on macOS, `start` on
// Windows, `xdg-open` on a Linux desktop. Never fails: without a browser the caller prints the
// address for the user to open.
import { spawn } from 'node:child_process'
import { existsSync } from 'node:fs'
import { delimiter, join } from 'node:path'

/** Why no graphical window can open here, or null: a Linux machine without a display. */
export function missingDisplay(platform = process.platform, env = process.env) {
  if (platform !== 'linux' || env.DISPLAY || env.WAYLAND_DISPLAY) return null
  return 'there is no graphical display here (DISPLAY and WAYLAND_DISPLAY are not set)'
}

const onPath = (command, env) =>
  (env.PATH ?? '').split(delimiter).some((dir) => dir && existsSync(join(dir, command)))

/** The command that opens a URL in the default browser here, or null. */
export function browserOpener(platform = process.platform, env = process.env) {
  if (platform === 'darwin') return { command: 'open', args: [] }
  // `start` is built into cmd; the empty title keeps a quoted address from being taken for one.
  if (platform === 'win32') return { command: 'cmd', args: ['/c', 'start', '""'], verbatim: true }
  if (missingDisplay(platform, env) || !onPath('xdg-open', env)) return null
  return { command: 'xdg-open', args: [] }
}

/** Asks the system to open `url` in a browser; returns the command used, or null when there is none. */
export function openInBrowser(url) {
  const opener = browserOpener()
  if (!opener) return null
  const child = spawn(opener.command, [...opener.args, opener.verbatim ? `"${url}"` : url], {
    stdio: 'ignore',
    detached: true,
    windowsVerbatimArguments: opener.verbatim ?? false,
  })
  child.on('error', () => {})
  child.unref()
  return opener.command === 'cmd' ? 'start' : opener.command
}
