import { clusterClassFor, vmApiFor } from '../defaults'
import { isKind, type ResolvedTopology } from '../resolve'
import type { LabNode } from '../topology'
import { supervisorOf, vcenterVersionOf } from './placement-of'
import { SERVICE_ASSUMPTIONS, SUPERVISOR_SERVICES } from './supervisor-services'
import { effectiveVersion, isKnownVersion, nearestProfile } from './vcenter-versions'
import { API_SINCE } from './versions'

/**
 * What the app says beside a node about the platform facts it rests on: the profile a vCenter
 * is read as, and every fact about the node that no public source confirms (rules/README.md).
 * The inspector shows these lines; they are the same words the README records.
 */
export function platformNotes(r: ResolvedTopology, node: LabNode): string[] {
  if (isKind(node, 'vcenter')) {
    const v = r.spec(node).version
    const p = nearestProfile(v)
    return [
      isKnownVersion(v)
        ? `${p.version === v ? 'Platform profile' : 'Nearest platform profile'}: ${p.label}; the Supervisor is called "${p.supervisorName}" there.`
        : `Version ${v} is not known: read as ${effectiveVersion(v)} (nearest profile ${p.label}).`,
    ]
  }
  if (isKind(node, 'network') && r.spec(node).type === 'nsx-vpc')
    return [
      'NSX VPC: the namespace CIDR is the default private CIDR; the ingress and egress ranges stand for the VPC connectivity profile’s external IP blocks (assumed).',
      'A private CIDR of at least 16 addresses is the API’s "size 16 or larger" read as addresses (unverified).',
      'vSphere Pods on NSX VPC run as on NSX (unverified for VCF 9).',
    ]
  if (isKind(node, 'supervisor-service')) {
    const e = SUPERVISOR_SERVICES[r.spec(node).service]
    return [
      e.core
        ? 'A core service: vCenter installs it with the Supervisor, on the control-plane VMs; it cannot be uninstalled.'
        : 'Runs as vSphere Pods in its own namespace svc-<service>-domain-c<N> (name pattern inferred).',
      `Unverified: ${e.unverified ?? ''}; ${SERVICE_ASSUMPTIONS}.`,
    ]
  }
  if (isKind(node, 'tkc')) {
    const s = r.spec(node)
    if (s.api !== 'capi') return []
    const sv = supervisorOf(r, node)
    const cls = clusterClassFor(r, sv?.id, vcenterVersionOf(r, node), s.clusterClass, s.version, node.name)
    if (!cls.ok) return []
    const row = cls.value
    return [
      `ClusterClass ${row.name}${row.namespace ? ` (namespace ${row.namespace})` : ''}.`,
      ...(row.unverified ? [`Unverified: ${row.unverified}.`] : []),
      ...(row.variables.unverified
        ? [`Variables vmClass and storageClass: ${row.variables.unverified}.`]
        : []),
      ...(row.vks
        ? [
            'Its MachineHealthCheck is taken to be the tanzukubernetescluster one (Ready Unknown 5m or False 12m): assumed.',
          ]
        : []),
    ]
  }
  if (isKind(node, 'vm')) {
    const api = vmApiFor(vcenterVersionOf(r, node))
    if (!api.ok) return []
    const row = API_SINCE[api.value]
    return [
      `Written as ${row.label} (newest this vCenter serves)${row.unverified ? `; from ${row.since}: unverified (${row.unverified})` : ''}.`,
    ]
  }
  return []
}
