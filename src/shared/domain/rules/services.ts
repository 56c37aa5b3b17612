import { isVdsStack } from '../defaults'
import { isKind, type ResolvedTopology } from '../resolve'
import type { LabNode } from '../topology'
import { servicesOf, supervisorOf, vcenterVersionOf } from './placement-of'
import { refusal, versionRefusal, type Refusal } from './refusal'
import { SUPERVISOR_SERVICES } from './supervisor-services'
import { missingFeature, missingRow } from './versions'

type Of<K extends LabNode['kind']> = LabNode & { kind: K }

/**
 * What stops wcpsvc installing a Supervisor Service (rules/README.md, services): the vCenter
 * must have Supervisor Services and this service ([SVC-README] table), VDS Supervisors run them
 * from 8.0 U1 ([D8-SVC]), a three-zone Supervisor runs none but the core VKS (GUID-177C23C4),
 * and one version of a service runs per Supervisor ([D8-SVC]).
 */
export function serviceRefusals(r: ResolvedTopology, node: Of<'supervisor-service'>): Refusal[] {
  const sv = supervisorOf(r, node)
  if (!sv) return []
  const spec = r.spec(node)
  const entry = SUPERVISOR_SERVICES[spec.service]
  const user = `Supervisor Service "${node.name}"`
  const version = vcenterVersionOf(r, sv)
  const out: Refusal[] = []
  if (version !== undefined) {
    // The service's own row implies Supervisor Services: report the one that says most.
    // VKS, the core service, is the VKS feature its clusters also need: one problem for both.
    const own = entry.core ? missingFeature(version, 'vks') : missingRow(version, entry)
    const any = own ? null : missingFeature(version, 'supervisor-services')
    if (own)
      out.push(
        versionRefusal(
          'feature-not-in-version',
          'wcpsvc',
          entry.core ? 'vks' : `service:${spec.service}`,
          own,
          user,
          'Choose a later vCenter or remove the service',
        ),
      )
    else if (any)
      out.push(
        versionRefusal(
          'feature-not-in-version',
          'wcpsvc',
          'supervisor-services',
          any,
          user,
          'Choose vCenter 7.0U3 or later',
        ),
      )
    const vds = isVdsStack(r, sv.id) ? missingFeature(version, 'supervisor-services-on-vds') : null
    if (vds && !own)
      out.push(
        versionRefusal(
          'feature-not-in-version',
          'wcpsvc',
          'supervisor-services-on-vds',
          vds,
          user,
          'Use NSX networking, or vCenter 8.0U1 or later',
        ),
      )
  }
  if (r.spec(sv).zones === 3 && !entry.core)
    out.push(
      refusal(
        'service-on-three-zones',
        'wcpsvc',
        `${user} (${entry.label}) cannot run on three-zone Supervisor "${sv.name}": a three-zone Supervisor runs no Supervisor Services (vSphere 8 workload table GUID-177C23C4; unverified for VCF 9)`,
        'Install it on a single-zone Supervisor',
      ),
    )
  const twin = servicesOf(r, sv.id).find((s) => s.id < node.id && r.spec(s).service === spec.service)
  if (twin)
    out.push(
      refusal(
        'service-installed-twice',
        'wcpsvc',
        `${user} installs ${entry.label} again on Supervisor "${sv.name}" ("${twin.name}" does already); one version of a service runs per Supervisor`,
        `Remove one of "${twin.name}" and "${node.name}"`,
      ),
    )
  return out
}

/** A version the catalogue does not list: the lab still installs it, but cannot vouch for it. */
export function unknownServiceVersion(r: ResolvedTopology, node: LabNode): string | null {
  if (!isKind(node, 'supervisor-service')) return null
  const { service, version } = r.spec(node)
  const entry = SUPERVISOR_SERVICES[service]
  if (version === '' || entry.versions.includes(version)) return null
  return `Supervisor Service "${node.name}" asks for ${entry.label} ${version}, which the Supervisor-Services catalogue does not list (${entry.versions.join(', ')})`
}
