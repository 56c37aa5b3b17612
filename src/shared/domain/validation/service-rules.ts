import { serviceRefusals, unknownServiceVersion } from '../rules/services'
import { isKind } from '../resolve'
import { finding, fromRefusal, type Rule } from './rule'

/** Validate codes of what stops a service install, by their run codes (the same words). */
const SERVICE_CODES: Readonly<Record<string, string>> = {
  'feature-not-in-version': 'feature-not-in-version',
  'service-on-three-zones': 'service-on-three-zones',
  'service-installed-twice': 'service-installed-twice',
}

/** Supervisor Services (rules/services.ts, rules/supervisor-services.ts; rules/README.md). */
export const SERVICE_RULES: readonly Rule[] = [
  {
    code: 'supervisor-service-prerequisites',
    severity: 'error',
    kinds: ['supervisor-service'],
    source: 'rules/services.ts ([SVC-README], [D8-SVC], [API-SVC])',
    check(node, r) {
      if (!isKind(node, 'supervisor-service')) return null
      return serviceRefusals(r, node).map((x) => fromRefusal(x, SERVICE_CODES))
    },
  },
  {
    code: 'supervisor-service-version-unknown',
    severity: 'warning',
    kinds: ['supervisor-service'],
    source: '[SVC-README] versions of each service',
    check(node, r) {
      const why = unknownServiceVersion(r, node)
      return why === null
        ? null
        : finding(why, 'Choose a listed version, or keep it knowing the lab cannot vouch for it')
    },
  },
]
