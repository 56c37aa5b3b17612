import { clusterClassFor, vksVersionOf } from '../defaults'
import type { ResolvedTopology } from '../resolve'
import type { LabNode } from '../topology'
import { classBuilds, clusterClassNamed, compareDotted } from './cluster-classes'
import { supervisorOf, vcenterVersionOf } from './placement-of'
import { refusal, versionRefusal, type Refusal } from './refusal'
import { API_SINCE, missingFeature, missingRow } from './versions'

type Of<K extends LabNode['kind']> = LabNode & { kind: K }

/**
 * What a Kubernetes cluster's ClusterClass and failure domains need (rules/README.md, VKS):
 * the class exists on the vCenter (a builtin-generic class means VKS, so its users are counted
 * with VKS's), the Supervisor's VKS publishes it, it builds the cluster's release, and each
 * node pool's failure domain is one of the Supervisor's zones. `first` says whether a version
 * refusal came first, so the caller leaves the API row unreported (one problem per feature).
 */
export function clusterShapeRefusals(
  r: ResolvedTopology,
  node: Of<'tkc'>,
): { refusals: Refusal[]; versionFirst: boolean } {
  const s = r.spec(node)
  const version = vcenterVersionOf(r, node)
  const what = `Cluster "${node.name}"`
  const out: Refusal[] = []
  let versionFirst = false
  if (s.api === 'capi') {
    const named = s.clusterClass ? clusterClassNamed(s.clusterClass) : undefined
    const noCapi = version === undefined ? null : missingRow(version, API_SINCE['capi-v1beta1'])
    // A builtin-generic class is VKS's: one problem for VKS, not one per class or cluster.
    const noVks = version !== undefined && named?.vks !== undefined ? missingFeature(version, 'vks') : null
    if (noVks || noCapi) {
      versionFirst = true
      out.push(
        versionRefusal(
          'feature-not-in-version',
          'cluster-api',
          noVks ? 'vks' : 'capi-v1beta1',
          (noVks ?? noCapi)!,
          noVks ? `${what} (ClusterClass ${named!.name})` : what,
          'Choose a later vCenter, or write the cluster as a TanzuKubernetesCluster',
        ),
      )
    } else {
      const cls = classRefusals(r, node, what)
      versionFirst = cls.versionFirst
      out.push(...cls.refusals)
    }
  }
  out.push(...failureDomainRefusals(r, node, what))
  return { refusals: out, versionFirst }
}

/** The class a Cluster is built from: it exists on the vCenter, VKS publishes it, it builds the release. */
function classRefusals(
  r: ResolvedTopology,
  node: Of<'tkc'>,
  what: string,
): { refusals: Refusal[]; versionFirst: boolean } {
  const s = r.spec(node)
  const sv = supervisorOf(r, node)
  const version = vcenterVersionOf(r, node)
  const chosen = clusterClassFor(r, sv?.id, version, s.clusterClass, s.version, what)
  if (!chosen.ok) return { refusals: [chosen.refusal], versionFirst: false }
  const row = chosen.value
  const missing = version === undefined ? null : missingRow(version, row)
  if (missing) {
    const refusals = [
      versionRefusal(
        'feature-not-in-version',
        'cluster-api',
        `class:${row.name}`,
        missing,
        `${what} (ClusterClass ${row.name})`,
        'Choose a ClusterClass the vCenter offers',
      ),
    ]
    return { refusals, versionFirst: true }
  }
  if (row.vks === undefined || !sv) return { refusals: [], versionFirst: false }
  const out: Refusal[] = []
  const vks = vksVersionOf(r, sv.id)
  if (vks === undefined || compareDotted(row.vks, vks) > 0)
    out.push(
      refusal(
        'cluster-class-needs-vks',
        'cluster-api',
        vks === undefined
          ? `${what} uses ClusterClass ${row.name}, published by VKS ${row.vks}; Supervisor "${sv.name}" has no VKS Supervisor Service saying which VKS it runs`
          : `${what} uses ClusterClass ${row.name}, published from VKS ${row.vks}; Supervisor "${sv.name}" runs VKS ${vks}`,
        vks === undefined
          ? `Add the VKS Supervisor Service (${row.vks} or later) to the Supervisor`
          : `Upgrade the VKS Supervisor Service to ${row.vks} or later, or choose an older class`,
      ),
    )
  if (!classBuilds(row, s.version))
    out.push(
      refusal(
        'kubernetes-release-not-in-class',
        'cluster-api',
        `${what} asks for ${s.version}; ClusterClass ${row.name} builds Kubernetes ${row.kubernetes?.join(' to ')} (window from public guides, unverified)`,
        `Choose a release from ${row.kubernetes?.join(' to ')}, or another class`,
      ),
    )
  return { refusals: out, versionFirst: false }
}

/** A node pool's failure domain names a zone of the Supervisor (a vSphere Zone per cluster). */
function failureDomainRefusals(r: ResolvedTopology, node: Of<'tkc'>, what: string): Refusal[] {
  const s = r.spec(node)
  const sv = supervisorOf(r, node)
  const zones = sv ? r.clustersOf(sv.id).map((c) => c.name) : []
  const out: Refusal[] = []
  for (const pool of s.nodePools) {
    const fd = pool.failureDomain
    if (fd === undefined || fd === '') continue
    if (s.api !== 'capi')
      out.push(
        refusal(
          'failure-domain-needs-cluster',
          'cluster-api',
          `${what} pool ${pool.name} names failure domain ${fd}; the lab writes failure domains in the Cluster (v1beta1) form only (the TKC v1alpha3 field has no public schema)`,
          'Write the cluster as a Cluster API Cluster (api: capi)',
        ),
      )
    else if (!zones.includes(fd))
      out.push(
        refusal(
          'failure-domain-unknown',
          'cluster-api',
          `${what} pool ${pool.name} names failure domain ${fd}, which is no zone of Supervisor "${sv?.name ?? '(none)'}" (${zones.join(', ') || 'no zones'})`,
          `Choose one of: ${zones.join(', ')}`,
        ),
      )
  }
  return out
}
