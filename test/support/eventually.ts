/**
 * Polls `probe` until it returns something other than undefined, for effects another process
 * makes in its own time (a menu click that opens a dialog, then a lab). Fails after `timeoutMs`
 * with `what` and the last value seen, so a test says what never happened.
 */
export async function eventually<T>(
  what: string,
  probe: () => Promise<T | undefined>,
  timeoutMs = 20_000,
): Promise<T> {
  const deadline = Date.now() + timeoutMs
  let last: unknown
  for (;;) {
    try {
      const value = await probe()
      if (value !== undefined) return value
    } catch (e) {
      last = e
    }
    if (Date.now() > deadline)
      throw new Error(`${what} did not happen in ${timeoutMs} ms (last: ${String(last)})`)
    await new Promise((resolve) => setTimeout(resolve, 50))
  }
}
