import { networkStackOf } from '../defaults'
import { isKind, type ResolvedTopology } from '../resolve'
import type { LabNode } from '../topology'
import { vcenterVersionOf } from './placement-of'
import { networkRefusals } from './network'
import { refusal, versionRefusal, type Refusal } from './refusal'
import { zonalPolicyRefusal } from './storage'
import { missingFeature, type Feature } from './versions'

type Of<K extends LabNode['kind']> = LabNode & { kind: K }

/** A cluster's prerequisites for a Supervisor (DOMAIN.md 1.1, 4a step 0, 6.4). */
export function clusterRefusals(r: ResolvedTopology, cl: Of<'cluster'>): Refusal[] {
  const spec = r.spec(cl)
  const out: Refusal[] = []
  const need = spec.vsan ? 4 : 3
  const have = r.hostsOf(cl.id).length
  if (have < need)
    out.push(
      refusal(
        'cluster-too-small',
        'wcpsvc',
        `Cluster "${cl.name}" has ${have} host(s); a Supervisor needs at least ${need}${spec.vsan ? ' with vSAN' : ''}`,
        `Add ${need - have} ESXi host(s) to the cluster`,
      ),
    )
  if (!spec.haEnabled)
    out.push(
      refusal(
        'cluster-ha-off',
        'wcpsvc',
        `Cluster "${cl.name}" has vSphere HA off; a Supervisor needs it on`,
        'Turn on HA',
      ),
    )
  if (!spec.drsEnabled || spec.drsAutomation !== 'fullyAutomated')
    out.push(
      refusal(
        'cluster-drs-not-automated',
        'wcpsvc',
        `Cluster "${cl.name}" has DRS ${spec.drsEnabled ? spec.drsAutomation : 'off'}; a Supervisor needs DRS fully automated`,
        'Turn on DRS and set it to fully automated',
      ),
    )
  return out.map((x) => ({ ...x, objectId: cl.id }))
}

/** What the chosen vCenter version must have for this Supervisor (rules/versions.ts). */
function versionRefusals(r: ResolvedTopology, sv: Of<'supervisor'>): Refusal[] {
  const version = vcenterVersionOf(r, sv)
  if (version === undefined) return []
  const spec = r.spec(sv)
  const net = networkStackOf(r, sv.id)
  const needs: [Feature, boolean, string][] = [
    ['zones', spec.zones === 3, 'Use one zone'],
    ['single-control-plane-vm', spec.controlPlaneCount === 1, 'Use three control-plane VMs'],
    ['vds-networking', net?.type === 'vds', 'Use NSX networking'],
    ['avi-load-balancer', net?.type === 'vds' && net.loadBalancer === 'avi', 'Use HAProxy'],
    ['nsx-vpc', net?.type === 'nsx-vpc', 'Use NSX or VDS networking'],
  ]
  const out: Refusal[] = []
  for (const [feature, used, fix] of needs) {
    const missing = used ? missingFeature(version, feature) : null
    if (missing)
      out.push(
        versionRefusal(
          'feature-not-in-version',
          'wcpsvc',
          feature,
          missing,
          `Supervisor "${sv.name}"`,
          `${fix}, or choose a later vCenter`,
        ),
      )
  }
  if (spec.controlPlaneCount === 2)
    out.push(
      refusal(
        'control-plane-count',
        'wcpsvc',
        `Supervisor "${sv.name}" asks for 2 control-plane VMs; the product runs 3 (or 1 from 9.0)`,
        'Use 3 control-plane VMs, or 1 on vCenter 9.0',
      ),
    )
  return out
}

/**
 * Everything that stops wcpsvc enabling this Supervisor, in the order its compatibility checks
 * meet them: validate lists them all; the run fails the enable with the first.
 */
export function supervisorRefusals(r: ResolvedTopology, sv: Of<'supervisor'>): Refusal[] {
  const spec = r.spec(sv)
  const clusters = r.clustersOf(sv.id)
  const out: Refusal[] = []
  if (clusters.length !== spec.zones)
    out.push(
      refusal(
        'cluster-count',
        'wcpsvc',
        `Supervisor "${sv.name}" is bound to ${clusters.length} cluster(s); a ${spec.zones}-zone Supervisor needs exactly ${spec.zones}`,
        spec.zones === 1
          ? 'Connect the Supervisor to one vSphere cluster'
          : 'Connect the Supervisor to three clusters, one per zone',
      ),
    )
  for (const cl of clusters) if (isKind(cl, 'cluster')) out.push(...clusterRefusals(r, cl))
  out.push(...networkRefusals(r, sv), ...versionRefusals(r, sv))
  const cp = zonalPolicyRefusal(
    r,
    sv,
    spec.controlPlaneStoragePolicy,
    `Supervisor "${sv.name}" control plane`,
  )
  if (cp) out.push({ ...cp, by: 'wcpsvc' })
  return out
}
