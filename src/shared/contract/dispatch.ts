import { describeIssues } from '../domain/describe-issues'
import { requests, type Handlers, type RequestName } from './contract'
import { err, LabError, ok, type Result } from './result'

const isRequestName = (method: string): method is RequestName => Object.hasOwn(requests, method)

/**
 * The trust boundary, shared by both transports: checks the method, validates the input
 * against the contract, runs the handler and turns any failure into a Result error.
 */
export async function dispatch(
  handlers: Handlers,
  method: string,
  rawInput: unknown,
): Promise<Result<unknown>> {
  if (!isRequestName(method)) return err('unknown-method', `There is no request named "${method}".`)
  // Nothing given is the empty input; null is a value, and the schema refuses it.
  const parsed = requests[method].input.safeParse(rawInput === undefined ? {} : rawInput)
  if (!parsed.success)
    return err('invalid-input', `Invalid input for ${method}: ${describeIssues(parsed.error)}`)
  try {
    const handler = handlers[method] as (input: unknown) => Promise<unknown>
    return ok(await handler(parsed.data))
  } catch (e) {
    if (e instanceof LabError) return err(e.code, e.message)
    return err('internal', `${method} failed: ${e instanceof Error ? e.message : String(e)}`)
  }
}
