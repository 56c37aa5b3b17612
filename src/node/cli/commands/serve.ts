import { spawnSync } from 'node:child_process'
import { existsSync } from 'node:fs'
import { join, resolve } from 'node:path'
import { parseArgs } from 'node:util'

import { LabService } from '../../lab-service'
import { createFileLog } from '../../log'
import { dataDir } from '../../persistence/app-data'
import { LAB_EXTENSION } from '../../persistence/lab-file'
import { packageRoot, rendererDir } from '../../paths'
import { startServer } from '../../server'
import { CliUsageError, type CliCommand } from '../command'

export const serveCommand: CliCommand = {
  name: 'serve',
  usage: 'serve [--port N] [LAB]',
  summary:
    'Serve the app to a browser on 127.0.0.1 (LAB: "demo" or a .pacificlab file; default: the last lab)',
  help: {
    arguments: [['LAB', '"demo", or a .pacificlab file to open; default: the lab you had open last']],
    options: [['--port N', 'The port to listen on (default: a free one); always on 127.0.0.1']],
    examples: [
      ['pacific-lab serve', 'Serve the last lab; open the printed address in a browser'],
      ['pacific-lab serve --port 8080 demo', 'Serve the demo lab on a fixed port'],
    ],
  },
  async run(args, io) {
    const { values, positionals } = parseArgs({
      args,
      options: { port: { type: 'string' } },
      allowPositionals: true,
    })
    const port = values.port === undefined ? 0 : Number(values.port)
    if (!Number.isInteger(port) || port < 0 || port > 65535)
      throw new CliUsageError(`--port must be a whole number from 0 to 65535, not "${values.port}"`)
    if (positionals.length > 1)
      throw new CliUsageError(`serve takes at most one LAB, got ${positionals.length}`)
    const lab = positionals[0]
    if (lab !== undefined && lab !== 'demo' && !lab.endsWith(LAB_EXTENSION))
      throw new CliUsageError(
        `cannot serve "${lab}": LAB is "demo" or a ${LAB_EXTENSION} file (make one from a .lab.yaml with load-text)`,
      )
    // The lab first: a lab that does not open is named before any slow renderer build.
    const service = new LabService('serve', { lab: lab === undefined || lab === 'demo' ? lab : resolve(lab) })
    ensureRendererBuilt(io)
    const log = createFileLog(dataDir())
    const running = await startServer({ port, rendererDir: rendererDir(), service, log })
    log.info(`serve: listening on 127.0.0.1:${running.port}, lab ${service.labFile.path}`)
    io.out(`Pacific Lab serving at ${running.url}`)
    io.err(`Lab: ${service.labFile.path}${service.labFile.readOnly ? ' (read-only)' : ''}`)
    await new Promise<void>((resolve) => {
      const stop = () => void running.close().then(resolve)
      process.once('SIGINT', stop)
      process.once('SIGTERM', stop)
    })
    service.close()
    return 0
  },
}

/**
 * Builds the renderer once when it is missing, so `serve` works right after `npm ci`. One line
 * says so; the build's own output is shown only when it fails.
 */
function ensureRendererBuilt(io: { err(line: string): void }) {
  if (existsSync(join(rendererDir(), 'index.html'))) return
  io.err('Building the renderer once (out/renderer is missing)...')
  const cli = join(packageRoot(), 'node_modules', 'electron-vite', 'bin', 'electron-vite.js')
  const result = spawnSync(process.execPath, [cli, 'build'], {
    cwd: packageRoot(),
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
  })
  if (result.status === 0 && existsSync(join(rendererDir(), 'index.html'))) return
  io.err(`${result.stdout ?? ''}${result.stderr ?? ''}`.trimEnd())
  throw new Error('building the renderer failed (its output is above); run "npm run build" to try again')
}
