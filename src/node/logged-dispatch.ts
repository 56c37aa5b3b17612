import type { Handlers } from '../shared/contract/contract'
import { dispatch } from '../shared/contract/dispatch'
import type { Result } from '../shared/contract/result'
import type { Log } from './log'

/**
 * The dispatch both transports call (Electron's IPC handlers and serve mode's HTTP): the
 * contract's trust boundary, with every `internal` error (a bug, never the user's doing) noted
 * in the log so it can be reported.
 */
export async function dispatchLogged(
  handlers: Handlers,
  method: string,
  input: unknown,
  log: Log | undefined,
  transport: 'ipc' | 'http' | 'menu',
): Promise<Result<unknown>> {
  const result = await dispatch(handlers, method, input)
  if (!result.ok && result.error.code === 'internal')
    log?.error(`${transport} ${method}: ${result.error.message}`)
  return result
}
