import type { Kind } from '../../../shared/domain/kinds'
import { isKind, type ResolvedTopology } from '../../../shared/domain/resolve'
import { CLUSTER_CLASSES, compareDotted } from '../../../shared/domain/rules/cluster-classes'
import { LOAD_BALANCERS } from '../../../shared/domain/rules/network'
import { supervisorOf, vcenterVersionOf } from '../../../shared/domain/rules/placement-of'
import { SERVICE_KEYS, SUPERVISOR_SERVICES } from '../../../shared/domain/rules/supervisor-services'
import { PLATFORM_PROFILES, VCENTER_VERSIONS } from '../../../shared/domain/rules/vcenter-versions'
import { hasFeature, hasRow, type Feature } from '../../../shared/domain/rules/versions'
import { vksVersionOf } from '../../../shared/domain/defaults'
import type { LabNode } from '../../../shared/domain/topology'
import type { Choices } from './choices'

/**
 * Choices that depend on the platform profile: the inspector offers only what the node's
 * vCenter version has (rules/versions.ts), so a 7.0 U3 lab is never offered NSX VPC, VKS or its
 * ClusterClasses. What a lab already holds outside them stays shown, marked.
 */
type Chooser = (node: LabNode, r: ResolvedTopology) => Choices

/** The version of the vCenter a node belongs to: its own, its parent's, or its Supervisor's. */
function versionOf(node: LabNode, r: ResolvedTopology): string {
  if (isKind(node, 'vcenter')) return r.spec(node).version
  const parent = node.parentId === null ? undefined : r.index.byId.get(node.parentId)
  if (isKind(parent, 'vcenter')) return r.spec(parent).version
  return vcenterVersionOf(r, node) ?? ''
}

const outside = (version: string) => (version ? `not in vCenter ${version}` : 'not offered')

const NETWORK_TYPES: readonly [string, Feature | null][] = [
  ['nsx', null],
  ['vds', 'vds-networking'],
  ['nsx-vpc', 'nsx-vpc'],
]

const networkTypes: Chooser = (node, r) => {
  const v = versionOf(node, r)
  return {
    groups: [
      {
        label: `Network stacks of vCenter ${v || '(none)'}`,
        options: NETWORK_TYPES.filter(([, f]) => f === null || hasFeature(v, f)).map(([t]) => t),
      },
    ],
    outside: outside(v),
  }
}

const loadBalancers: Chooser = (node, r) => {
  const spec = isKind(node, 'network') ? r.spec(node) : undefined
  const type = spec?.type ?? 'nsx'
  const v = versionOf(node, r)
  const offered = LOAD_BALANCERS[type].filter(
    (lb) => lb !== 'avi' || type !== 'vds' || hasFeature(v, 'avi-load-balancer'),
  )
  return {
    groups: [{ label: `Load balancers of ${type}`, options: [...offered] }],
    outside: `not for ${type}`,
  }
}

const versions: Chooser = () => ({
  groups: [
    { label: 'Platform profiles', options: PLATFORM_PROFILES.map((p) => p.version) },
    {
      label: 'Other versions (their own row of the table)',
      options: VCENTER_VERSIONS.filter((v) => !PLATFORM_PROFILES.some((p) => p.version === v)),
    },
  ],
  outside: 'no profile: read as the nearest known version',
})

const services: Chooser = (node, r) => {
  const v = versionOf(node, r)
  const sv = supervisorOf(r, node)
  const threeZones = sv ? r.spec(sv).zones === 3 : false
  const options = SERVICE_KEYS.filter((k) => {
    const e = SUPERVISOR_SERVICES[k]
    return hasRow(v, e) && (e.core || (!threeZones && hasFeature(v, 'supervisor-services')))
  })
  return { groups: [{ label: `Services on vCenter ${v || '(none)'}`, options }], outside: outside(v) }
}

const serviceVersions: Chooser = (node, r) => {
  const key = isKind(node, 'supervisor-service') ? r.spec(node).service : 'harbor'
  return {
    groups: [
      {
        label: 'Versions in the Supervisor-Services catalogue',
        options: [...SUPERVISOR_SERVICES[key].versions],
      },
    ],
    empty: 'newest listed',
    outside: 'not in the catalogue',
  }
}

const clusterClasses: Chooser = (node, r) => {
  const v = versionOf(node, r)
  const sv = supervisorOf(r, node)
  const vks = sv ? vksVersionOf(r, sv.id) : undefined
  const options = CLUSTER_CLASSES.filter(
    (c) => hasRow(v, c) && (c.vks === undefined || (vks !== undefined && compareDotted(c.vks, vks) <= 0)),
  ).map((c) => c.name)
  return {
    groups: [{ label: vks ? `Classes on vCenter ${v} with VKS ${vks}` : `Classes on vCenter ${v}`, options }],
    empty: 'the platform’s default',
    outside: outside(v),
  }
}

const failureDomains: Chooser = (node, r) => {
  const sv = supervisorOf(r, node)
  return {
    groups: [{ label: 'Zones of the Supervisor', options: sv ? r.clustersOf(sv.id).map((c) => c.name) : [] }],
    empty: 'none',
    outside: 'no zone of the Supervisor',
  }
}

export const PLATFORM_CHOICES: Partial<Record<Kind, Record<string, Chooser>>> = {
  vcenter: { version: versions },
  network: { type: networkTypes, loadBalancer: loadBalancers },
  'supervisor-service': { service: services, version: serviceVersions },
  tkc: { clusterClass: clusterClasses, 'nodePools.*.failureDomain': failureDomains },
}
