import { isKind } from '../resolve'
import { supervisorRefusals } from '../rules/supervisor'
import {
  effectiveVersion,
  isKnownVersion,
  isProfileVersion,
  nearestProfile,
  PLATFORM_PROFILES,
} from '../rules/vcenter-versions'
import { finding, fromRefusal, type Rule } from './rule'

/** Validate codes of the Supervisor's prerequisites (rules/supervisor.ts), by their run codes. */
const SUPERVISOR_CODES: Readonly<Record<string, string>> = {
  'cluster-count': 'supervisor-cluster-count',
  'cluster-too-small': 'supervisor-needs-3-hosts',
  'cluster-ha-off': 'cluster-ha-drs',
  'cluster-drs-not-automated': 'cluster-ha-drs',
  'network-missing': 'supervisor-network-missing',
  'load-balancer-mismatch': 'network-load-balancer-mismatch',
  'vpc-private-cidr-too-small': 'vpc-private-cidr-too-small',
  'feature-not-in-version': 'feature-not-in-version',
  'control-plane-count': 'supervisor-control-plane-count',
  'storage-policy-not-zonal': 'storage-policy-not-zonal',
}

/** Supervisor and cluster prerequisites (DOMAIN.md 1.1, 1.2, 4a step 0, 6.4; rules/README.md). */
export const INFRA_RULES: readonly Rule[] = [
  {
    code: 'supervisor-prerequisites',
    severity: 'error',
    kinds: ['supervisor'],
    source: 'rules/supervisor.ts (DOMAIN.md 1.1, 1.2, 4a)',
    check(node, r) {
      if (!isKind(node, 'supervisor')) return null
      return supervisorRefusals(r, node).map((x) => fromRefusal(x, SUPERVISOR_CODES))
    },
  },
  {
    code: 'vcenter-version-unknown',
    severity: 'warning',
    kinds: ['vcenter'],
    source: 'rules/vcenter-versions.ts (platform profiles)',
    check(node, r) {
      if (!isKind(node, 'vcenter')) return null
      const v = r.spec(node).version
      if (isKnownVersion(v)) return null
      const p = nearestProfile(v)
      return finding(
        `vCenter "${node.name}" has version "${v}", which the lab does not know; it reads it as ${effectiveVersion(v)} (nearest platform profile: ${p.label}, ${p.version})`,
        `Choose one of the profiles: ${PLATFORM_PROFILES.map((x) => x.version).join(', ')}`,
      )
    },
  },
  {
    code: 'vcenter-version-between-profiles',
    severity: 'info',
    kinds: ['vcenter'],
    source: 'rules/vcenter-versions.ts (platform profiles)',
    check(node, r) {
      if (!isKind(node, 'vcenter')) return null
      const v = r.spec(node).version
      if (!isKnownVersion(v) || isProfileVersion(v)) return null
      const p = nearestProfile(v)
      return finding(
        `vCenter "${node.name}" runs ${v}, which is no platform profile; the lab reads its own row of the feature table (nearest profile: ${p.label}, ${p.version})`,
        `Nothing to fix; the profiles are ${PLATFORM_PROFILES.map((x) => x.version).join(', ')}`,
      )
    },
  },
  {
    code: 'cluster-in-two-supervisors',
    severity: 'error',
    kinds: ['cluster'],
    source: 'DOMAIN.md 1.2',
    check(node, r) {
      const svs = r.supervisorsOf(node.id)
      if (svs.length <= 1) return null
      return finding(
        `Cluster "${node.name}" is bound to ${svs.length} Supervisors (${svs.map((s) => s.name).join(', ')}); a cluster serves one`,
        'Remove all but one Supervisor link from this cluster',
      )
    },
  },
  {
    code: 'supervisor-storage-policy-missing',
    severity: 'warning',
    kinds: ['supervisor'],
    source: 'DOMAIN.md 1.1',
    check(node, r) {
      if (!isKind(node, 'supervisor')) return null
      const name = r.spec(node).controlPlaneStoragePolicy
      if (name !== '' && r.byName('storage-policy', name)) return null
      return finding(
        `Supervisor "${node.name}" has no storage policy for its control-plane VMs`,
        'Choose a storage policy for the control plane',
      )
    },
  },
  {
    code: 'supervisor-size-unverified',
    severity: 'info',
    kinds: ['supervisor'],
    source: 'DOMAIN.md 6.2',
    check(node) {
      return finding(
        `Control-plane VM sizes for "${node.name}" are unverified (remembered, not read in a source)`,
        'Check them against GET /api/vcenter/namespace-management/cluster-size-info',
      )
    },
  },
]
