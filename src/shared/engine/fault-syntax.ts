import { FAULT_KINDS, type Fault, type FaultKind } from './types'

/**
 * Parses the CLI and lab syntax of a fault: `KIND:TARGET[=VALUE]@STEP`, e.g.
 * `host-failure:esxi-02@30`, `quota-change:finance=pods=2@25`, `registry-outage:docker.io=60000@20`.
 * Returns the fault, or a sentence saying what is wrong.
 */
export function parseFault(text: string): Fault | string {
  const colon = text.indexOf(':')
  const at = text.lastIndexOf('@')
  if (colon < 0 || at < colon) return `"${text}" is not KIND:TARGET@STEP (e.g. host-failure:esxi-02@30)`
  const kind = text.slice(0, colon)
  if (!(FAULT_KINDS as readonly string[]).includes(kind))
    return `unknown fault kind "${kind}"; use one of ${FAULT_KINDS.join(', ')}`
  const middle = text.slice(colon + 1, at)
  const eq = middle.indexOf('=')
  const target = eq < 0 ? middle : middle.slice(0, eq)
  const value = eq < 0 ? undefined : middle.slice(eq + 1)
  const stepText = text.slice(at + 1)
  if (target === '') return `"${text}" has no TARGET`
  if (!/^\d+$/.test(stepText) || Number(stepText) < 1)
    return `"${text}": STEP must be a step number from 1, not "${stepText}"`
  const fault: Fault = { kind: kind as FaultKind, target, atSeq: Number(stepText) }
  if (value !== undefined) fault.value = value
  return fault
}

/** The syntax back, for messages and round trips. */
export function formatFault(f: Fault): string {
  return `${f.kind}:${f.target}${f.value === undefined ? '' : `=${f.value}`}@${f.atSeq}`
}
