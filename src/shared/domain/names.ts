import type { Kind } from './kinds'
import { NAME_PREFIX } from './kinds'

/** RFC 1123 DNS label: what Kubernetes and vCenter accept for namespace and object names. */
export const DNS_LABEL = /^[a-z0-9]([-a-z0-9]{0,61}[a-z0-9])?$/

/** Returns why `name` is not a DNS label, or null when it is one. */
export function dnsLabelProblem(name: string): string | null {
  if (name.length === 0) return 'a name is required'
  if (name.length > 63) return `"${name}" is ${name.length} characters long; the limit is 63`
  if (/[A-Z]/.test(name)) return `"${name}" has upper-case letters; use lower case`
  if (!DNS_LABEL.test(name))
    return `"${name}" must contain only lower-case letters, digits and "-", and start and end with a letter or digit`
  return null
}

/** The first `<prefix>-<n>` not in `taken`, so generated names are unique and valid. */
export function uniqueName(kind: Kind, taken: ReadonlySet<string>, prefix = NAME_PREFIX[kind]): string {
  for (let n = 1; ; n++) {
    const candidate = `${prefix}-${n}`
    if (!taken.has(candidate)) return candidate
  }
}

/** A copy's name: `web` becomes `web-copy`, then `web-copy-2`, trimmed to stay a DNS label. */
export function copyName(name: string, taken: ReadonlySet<string>): string {
  const base = `${name.replace(/-copy(-\d+)?$/, '')}-copy`.slice(0, 56).replace(/-+$/, '')
  if (!taken.has(base)) return base
  for (let n = 2; ; n++) {
    const candidate = `${base}-${n}`
    if (!taken.has(candidate)) return candidate
  }
}
